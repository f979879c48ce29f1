package vn.khien.scale;

import java.io.PrintStream;
import java.sql.SQLException;

/**
 * Prints how long each phase of the generator took ({@code generate: phase organisations 1.2 s}), so a run at a small
 * scale tells which part grows and would dominate the full national set (issue 15).
 */
final class PhaseClock {

    interface Phase {
        void run() throws SQLException;
    }

    private final PrintStream out;

    PhaseClock(PrintStream out) {
        this.out = out;
    }

    void time(String name, Phase phase) throws SQLException {
        long started = System.nanoTime();
        phase.run();
        out.printf("generate: phase %s %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }
}
