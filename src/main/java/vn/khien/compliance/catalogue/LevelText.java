package vn.khien.compliance.catalogue;

/** Level-specific wording of a requirement where the appendices for different levels say different things. */
record LevelText(String textVi, String textEn) {}
