/**
 * Shared web pieces: problem details for the API, form errors and htmx helpers for the pages,
 * the error endpoint and Tomcat's error reports. Depends on no feature module.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = "core")
package io.riskdesk.web;

import org.springframework.modulith.ApplicationModule;
