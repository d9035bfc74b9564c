package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.AccountForm.ContactForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonForm;
import io.riskdesk.account.PersonView;
import io.riskdesk.account.Segment;
import io.riskdesk.intake.NamedPerson.MatchedBy;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The document's people matched to the directory and the account's contacts, and the unmatched shown as such. */
@RiskdeskTest
class DocumentPeopleTest {

	@Autowired
	DocumentPeople people;

	@Autowired
	PersonDirectory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	/** Surnames no demo person has, so the names match only the people made here. */
	private final String tag = UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);

	private PersonView person(String first, String last, String handle) {
		String name = first + " " + last + tag;
		return directory.create(new PersonForm(name, first.toLowerCase() + "." + last.toLowerCase() + "." + tag + "@riskdesk.example", handle));
	}

	private AccountDetails account(Map<TeamRole, Long> team, List<ContactForm> contacts) {
		return accounts.create(new AccountForm("People Test " + tag, null, null, Segment.SMB, "US", ZoneId.of("UTC"), null,
				team, contacts, null, null));
	}

	private List<NamedPerson> read(String text, Long accountId) {
		return people.of(EXTRACTOR.extract(text.getBytes(StandardCharsets.UTF_8)), accountId);
	}

	@Test
	void aFullNameMatchesWhateverItsCaseAndAccents() {
		PersonView zoe = person("Zoë", "Ångström", null);
		String written = ("zoe angstrom" + tag).toUpperCase();
		List<NamedPerson> found = read("Date: 2026-03-02\n\n" + written + " will send the plan by Friday.\n", null);
		assertThat(found).singleElement().satisfies(p -> {
			assertThat(p.match()).isEqualTo(zoe.name());
			assertThat(p.matchedBy()).isEqualTo(MatchedBy.FULL_NAME);
			assertThat(p.parts()).containsExactly("owner");
		});
	}

	@Test
	void theAuthorMatchesByEmail() {
		PersonView priya = person("Priya", "Shah", null);
		String text = "From: P. S. <" + priya.email() + ">\nDate: Mon, 2 Mar 2026 09:12:00 +0000\n\nI'll call the CTO tomorrow.\n";
		assertThat(read(text, null)).first().satisfies(p -> {
			assertThat(p.match()).isEqualTo(priya.name());
			assertThat(p.matchedBy()).isEqualTo(MatchedBy.EMAIL);
			assertThat(p.parts()).contains("author");
		});
	}

	@Test
	void aChatHandleMatchesItsSlackHandleOrTheNameItSpells() {
		PersonView jonas = person("Jonas", "Berg", "@jb" + tag);
		PersonView maria = person("Maria", "Lopez", null);
		String text = "[2026-03-02 10:40] jb" + tag + ": the export is broken\n[2026-03-02 10:42] maria.lopez" + tag
				+ ": I'll send the job ids\n";
		assertThat(read(text, null)).extracting(NamedPerson::match, NamedPerson::matchedBy)
			.contains(org.assertj.core.groups.Tuple.tuple(jonas.name(), MatchedBy.CHAT_HANDLE),
					org.assertj.core.groups.Tuple.tuple(maria.name(), MatchedBy.CHAT_HANDLE));
	}

	@Test
	void aFirstNameMatchesOnlyWhenOnePersonOnTheAccountHasIt() {
		PersonView dana = person("Dana", "Cole", null);
		PersonView sam = person("Sam", "Rivera", null);
		PersonView otherSam = person("Sam", "Ortiz", null);
		AccountDetails account = account(Map.of(TeamRole.CSM, dana.id(), TeamRole.AE, sam.id(), TeamRole.SUPPORT_LEAD,
				otherSam.id()), List.of(new ContactForm(ContactRole.SPONSOR, "Élodie Martin" + tag, null, "CFO")));
		String text = "Date: 2026-03-02\n\nNext steps:\n- Dana: book the war room by Friday\n- Sam: send the credits memo by Friday\n"
				+ "- Elodie: approve the budget by Friday\n";
		assertThat(read(text, account.id())).extracting(NamedPerson::written, NamedPerson::match)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Dana", dana.name()),
					org.assertj.core.groups.Tuple.tuple("Sam", null),
					org.assertj.core.groups.Tuple.tuple("Elodie", "Élodie Martin" + tag));
		// Without the account, a first name matches nobody.
		assertThat(read(text, null)).allSatisfy(p -> assertThat(p.matched()).isFalse());
	}

	@Test
	void theReviewPageMarksNamesNotInTheDirectory() throws Exception {
		PersonView dana = person("Dana", "Cole", null);
		String text = "Date: 2026-03-02\n\n" + dana.name() + " will ship the fix by Friday.\nKwame Nkrumah" + tag
				+ " will confirm the budget by Friday.\n";
		mvc.perform(post("/intake").with(user("alex").roles("CSM")).with(csrf()).param("content", text))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("People in the document"),
					containsString("<span>" + dana.name() + "</span>"), containsString("by name"),
					containsString("<strong>Kwame Nkrumah" + tag + "</strong>"),
					containsString("class=\"proposed unmatched\">not in the directory</span>"))));
	}

}
