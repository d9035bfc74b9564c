package io.riskdesk.sla;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, dated milestones without a clock (migrated action items) get one, so they too go overdue. */
@Component
class MilestoneClocksOnStart implements ApplicationRunner {

	private final SlaClocks clocks;

	MilestoneClocksOnStart(SlaClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void run(ApplicationArguments args) {
		clocks.startMissingMilestoneClocks();
	}

}
