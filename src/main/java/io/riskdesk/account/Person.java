package io.riskdesk.account;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Someone on our side: owner of risks, member of account teams, recipient of notifications. */
@Table("person")
class Person {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String name;

	private String email;

	private String slackHandle;

	/** For Spring Data when it reads a row. */
	private Person() {
	}

	Person(String name, String email, String slackHandle) {
		update(name, email, slackHandle);
	}

	void update(String name, String email, String slackHandle) {
		this.name = name;
		this.email = email;
		this.slackHandle = slackHandle;
	}

	PersonView view() {
		return new PersonView(id, name, email, slackHandle, version);
	}

	Long getId() {
		return id;
	}

	Integer getVersion() {
		return version;
	}

}
