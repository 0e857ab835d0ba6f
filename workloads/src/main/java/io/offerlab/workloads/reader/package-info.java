/**
 * The shared base of every trace reader: options, input opening with compression sniffed once (plain, gzip, zip),
 * a fast line and field scanner, and bad-row accounting with {@code FILE:LINE: expected ..., found '...'} errors.
 */
package io.offerlab.workloads.reader;
