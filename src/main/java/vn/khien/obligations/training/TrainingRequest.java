package vn.khien.obligations.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A person's completed training: who, which course (and by whom), when, how many hours. */
record TrainingRequest(
        String personName, String email, String course, String provider, LocalDate completedOn, BigDecimal hours) {}
