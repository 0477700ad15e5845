package io.greenportal.registry.screening;

/** One row of a bank's portfolio: its line (CSV) or position (JSON, from 1), credit code and/or name, reference. */
public record PortfolioRow(int line, String creditCode, String name, String reference) {
}
