/**
 * The append-only timeline of every risk, written from the {@link io.riskdesk.timeline.TimelineFact}
 * events the other modules publish; it depends on none of them.
 */
@ApplicationModule(displayName = "Timeline", allowedDependencies = {})
package io.riskdesk.timeline;

import org.springframework.modulith.ApplicationModule;
