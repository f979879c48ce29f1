package vn.khien.compliance.catalogue;

/** Security levels 1–5 (Luật 86/2015 Đ21; Luật 116/2025 Đ8). */
public final class Levels {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private Levels() {}

    public static boolean isValid(int level) {
        return level >= LOWEST && level <= HIGHEST;
    }

    public static int check(int level) {
        if (!isValid(level)) {
            throw new IllegalArgumentException("Security level must be 1–5, was " + level);
        }
        return level;
    }
}
