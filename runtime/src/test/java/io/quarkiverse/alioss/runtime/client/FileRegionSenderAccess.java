package io.quarkiverse.alioss.runtime.client;

/** Lets tests in other packages size their files by the read chunk of {@link FileRegionSender}. */
public final class FileRegionSenderAccess {

    private FileRegionSenderAccess() {
    }

    public static int chunkSize() {
        return FileRegionSender.CHUNK;
    }
}
