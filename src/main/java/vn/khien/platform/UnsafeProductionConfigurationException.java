package vn.khien.platform;

import java.util.List;

/** Thrown at start-up; its message lists every setting to fix, so one restart is enough. */
class UnsafeProductionConfigurationException extends RuntimeException {
    private final List<String> problems;

    public UnsafeProductionConfigurationException(List<String> problems) {
        super("Khiên will not start in production mode:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
