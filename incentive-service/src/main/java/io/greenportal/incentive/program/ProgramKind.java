package io.greenportal.incentive.program;

/** What a program pays for, which decides its amount rule. */
public enum ProgramKind {
    /** A one-off award for a newly granted listing: a fixed amount per listing type and level. */
    AWARD,
    /** Retrofit (技改) project support: a share of the project's total investment, up to a cap. */
    RETROFIT,
    /** Energy diagnostics (节能诊断): a fixed amount per enterprise. */
    DIAGNOSTICS
}
