package vn.khien.systems.register;

/** An organisation that may be chosen as a system's operator, as the register form offers it. */
public record OperatorChoice(long id, String code, String nameVi) {}
