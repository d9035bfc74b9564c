package io.riskdesk.web;

import java.util.List;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

	@Test
	void namesConstantsInWordsNotCodes() {
		assertThat(Labels.of(Cadence.THREE_TIMES_WEEKLY)).isEqualTo("3× a week");
		assertThat(Labels.of(TeamRole.SUPPORT_LEAD)).isEqualTo("Support lead");
		assertThat(Labels.of(TeamRole.CS_MANAGER)).isEqualTo("CS manager");
		assertThat(Labels.of(ContactRole.POC)).isEqualTo("Point of contact");
		assertThat(Labels.of(RiskCategory.PRODUCT_FIT)).isEqualTo("Product fit");
		assertThat(Labels.of(null)).isEmpty();
	}

	@Test
	void joinsSeveralInTheirOrder() {
		assertThat(Labels.all(List.of(TeamRole.CSM, TeamRole.ENG_LEAD))).isEqualTo("CSM, Engineering lead");
	}

}
