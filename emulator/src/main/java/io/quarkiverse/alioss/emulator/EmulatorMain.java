package io.quarkiverse.alioss.emulator;

/** Command-line entry point of the emulator; filled in by the emulator work. */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        System.out.println("quarkus-alioss emulator: not implemented yet");
    }
}
