/**
 * Accounts (ARR, renewal, segment, time zone, calendar), their account team by role and
 * customer contacts, and the people directory.
 * <p>
 * Published SQL views, read by other modules instead of this module's tables:
 * {@code account_facts} (an account's id, name, ARR, currency, renewal date, segment) and
 * {@code person_facts} (a person's id and name).
 */
@ApplicationModule(displayName = "Accounts and people", allowedDependencies = { "playbook" })
package io.riskdesk.account;

import org.springframework.modulith.ApplicationModule;
