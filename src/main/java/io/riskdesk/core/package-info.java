/**
 * Shared vocabulary of every module: the exceptions for bad input, missing records and
 * conflicts, and the input rules (plain texts within named limits, dates within a sane range);
 * the outbox machinery (delivery loop, metrics) and a short-lived cache for operations figures.
 */
@ApplicationModule(displayName = "Core", allowedDependencies = {})
package io.riskdesk.core;

import org.springframework.modulith.ApplicationModule;
