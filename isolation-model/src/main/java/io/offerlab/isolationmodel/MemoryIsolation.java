package io.offerlab.isolationmodel;

import java.util.Locale;

/**
 * Whether an agent enforces memory limits, after Mesos' {@code cgroups/mem} isolator ({@link #LIMIT}:
 * OOM kill past {@code memory.limit_in_bytes}) or {@code posix/mem}, which enforces nothing ({@link #NONE}).
 */
public enum MemoryIsolation {
    /** Hard and soft limit max(request, 32 MB); a task whose usage passes the hard limit is OOM-killed. */
    LIMIT,
    /** No limit: nothing is killed. */
    NONE;

    /** Return the lower-case name used in configuration files ({@code limit}, {@code none}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parse a configuration name, case-insensitively; bad input names the {@code field}. */
    public static MemoryIsolation fromName(String field, String name) {
        if (name != null) {
            for (MemoryIsolation value : values()) {
                if (value.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s: expected limit or none, found '%s'", field, name));
    }
}
