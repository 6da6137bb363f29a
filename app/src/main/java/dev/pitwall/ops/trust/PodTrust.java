package dev.pitwall.ops.trust;

/** One pod of a group and the mode its heartbeat reports. */
public record PodTrust(String pod, String ip, ModeReading effective, String workerId) {
}
