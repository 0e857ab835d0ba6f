package io.offerlab.realruntime.http;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * The address a master or an agent tells others to call it at (Mesos' {@code --advertise_ip}): the one given, else the
 * address it listens on. One that listens on every address ({@code 0.0.0.0}) advertises the first address its host
 * name resolves to, as libprocess does ({@code process.cpp}); where that is a loopback address, which no other host
 * can reach, the first non-loopback IPv4 address of an interface that is up is taken instead, and the choice logged.
 */
public final class Advertised {
  private static final Logger LOG = Logger.getLogger(Advertised.class.getName());

  private Advertised() {
  }

  /** Return whether {@code host} can be advertised: an IPv4 address or a DNS name, never a wildcard. */
  public static boolean validHost(String host) {
    return host.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})") && !isWildcard(host);
  }

  /** Return whether {@code host} names this host's loopback interface ({@code 127.x.x.x} or {@code localhost}). */
  public static boolean isLoopback(String host) {
    return host.startsWith("127.") || host.equalsIgnoreCase("localhost") || host.equals("::1");
  }

  /** Return whether {@code ip} means every address. */
  public static boolean isWildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]");
  }

  /**
   * Return what to advertise: {@code advertise} when given, else {@code listen}, else (for a wildcard) this host's
   * address; {@code option} names the flag in the error when no address can be found.
   */
  public static String host(String option, String advertise, String listen) {
    if (advertise != null) {
      return advertise;
    }
    if (!isWildcard(listen)) {
      return listen;
    }
    String chosen = null;
    try {
      InetAddress local = InetAddress.getLocalHost();
      if (!local.isLoopbackAddress()) {
        chosen = local.getHostAddress();
      }
    } catch (IOException e) {
      // the host name does not resolve: look at the interfaces
    }
    if (chosen == null) {
      chosen = firstInterfaceAddress();
    }
    if (chosen == null) {
      throw new IllegalArgumentException(option + ": listening on " + listen + " needs an address to advertise, and "
          + "this host has no non-loopback IPv4 address; give " + option);
    }
    LOG.info("listening on " + listen + ", advertising " + chosen + " (set " + option + " to choose another)");
    return chosen;
  }

  /**
   * Return the IP address of an advertised host: the host itself when it is an IPv4 address, else what it resolves
   * to, or null when it does not resolve. May ask DNS: never call it on an event loop.
   */
  public static String ipOf(String host) {
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return host;
    }
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** Return the first non-loopback IPv4 address of an interface that is up, or null. */
  private static String firstInterfaceAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
