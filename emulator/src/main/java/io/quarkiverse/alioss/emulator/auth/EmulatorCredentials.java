package io.quarkiverse.alioss.emulator.auth;

/** The one key pair and region an emulator instance accepts. */
public record EmulatorCredentials(String accessKeyId, String accessKeySecret, String region) {
}
