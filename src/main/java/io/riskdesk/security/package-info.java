/**
 * Users, roles, form login for people, HTTP Basic and bearer tokens for the API.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
package io.riskdesk.security;

import org.springframework.modulith.ApplicationModule;
