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

	@Test
	void namesFieldsAsPeopleDoNotAsCodeDoes() {
		assertThat(Labels.field("ownerId")).isEqualTo("Owner");
		assertThat(Labels.field("coOwnerIds[2]")).isEqualTo("Co-owners");
		assertThat(Labels.field("account.renewalDate")).isEqualTo("Renewal date");
		assertThat(Labels.field("actionItems[1].due")).isEqualTo("Due");
		assertThat(Labels.field("account.arr")).isEqualTo("ARR");
		assertThat(Labels.field("duplicateOf")).isEqualTo("Duplicate of");
	}

	@Test
	void saysWhatIsWrongWithAFieldInASentence() {
		assertThat(Labels.fieldProblem("title", "must be at most 300 characters")).isEqualTo("Title must be at most 300 characters");
		assertThat(Labels.fieldProblem("ownerId", "no person with id 7")).isEqualTo("Owner: no person with id 7");
	}

}
