package io.riskdesk.plan;

import java.util.EnumSet;
import java.util.Set;

/** Where a milestone stands: TODO -> DOING -> DONE, or DROPPED with a reason; DONE and DROPPED are final. */
public enum MilestoneStatus {

	TODO, DOING, DONE, DROPPED;

	/** Still to do: its clock counts, it shows in "my actions", it may be overdue. */
	public boolean open() {
		return this == TODO || this == DOING;
	}

	/** The statuses a milestone may move to from this one. */
	public Set<MilestoneStatus> next() {
		return switch (this) {
			case TODO -> EnumSet.of(DOING, DONE, DROPPED);
			case DOING -> EnumSet.of(DONE, DROPPED);
			case DONE, DROPPED -> EnumSet.noneOf(MilestoneStatus.class);
		};
	}

}
