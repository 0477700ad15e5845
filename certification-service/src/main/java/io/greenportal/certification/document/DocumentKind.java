package io.greenportal.certification.document;

public enum DocumentKind {
    /** 第三方评价报告: required to submit. */
    EVALUATION_REPORT,
    /** 自评价报告 */
    SELF_EVALUATION,
    /** 整改说明 (an answer to a return), certificates, other supporting material */
    OTHER
}
