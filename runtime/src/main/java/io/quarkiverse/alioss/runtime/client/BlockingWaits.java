package io.quarkiverse.alioss.runtime.client;

import java.time.Duration;

import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * How long the blocking client waits: one bound for calls that move no object content, a larger one for transfers,
 * each with the configuration key a timeout message names.
 */
record BlockingWaits(Duration call, String callKey, Duration transfer, String transferKey) {

    static BlockingWaits of(String clientName, ClientOptions options) {
        return new BlockingWaits(options.blockingTimeout(), OssConfigKeys.client(clientName, "blocking-timeout"),
                options.blockingTransferTimeout(), OssConfigKeys.client(clientName, "blocking-transfer-timeout"));
    }
}
