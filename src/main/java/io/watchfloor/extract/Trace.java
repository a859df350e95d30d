package io.watchfloor.extract;

/**
 * Receives what extraction decided and why, line by line, for {@code watchfloor explain}. {@link #OFF} costs
 * nothing: callers build their lines only when {@link #on()}.
 */
public interface Trace {
    Trace OFF = new Trace() {
        @Override
        public boolean on() {
            return false;
        }

        @Override
        public void note(String line) {
        }
    };

    boolean on();

    void note(String line);
}
