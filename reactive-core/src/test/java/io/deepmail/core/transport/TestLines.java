package io.deepmail.core.transport;

/** Gives tests outside this package the test line decoder. */
public final class TestLines {

    private TestLines() {
    }

    /**
     * A new line decoder.
     *
     * @return the decoder
     */
    public static MailDecoder decoder() {
        return new TestLineDecoder();
    }
}
