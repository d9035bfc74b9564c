package io.riskdesk.web;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The safety net under the input rules: what PostgreSQL refuses as data is a 400, API and pages
 * alike, while a duplicate stays a 409. The exceptions are PostgreSQL's own, as a missed field would raise them.
 */
@RiskdeskTest
class UnstorableValueTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValueTheDatabaseCannotStoreIsBadInputAndADuplicateAConflict() {
		DataIntegrityViolationException nul = refused("select cast(:value as text)", "Sync\u0000failing");
		DataIntegrityViolationException farDate = refused("select cast(:value as date)", "6000000-01-01");
		DataIntegrityViolationException duplicate = refused(
				"insert into account (name, segment, country, time_zone, created_at, updated_at, version) "
						+ "select name, segment, country, time_zone, created_at, updated_at, version from account where name = :value",
				"TechCorp Enterprises");

		ApiProblemHandler api = new ApiProblemHandler();
		assertThat(api.integrity(nul).getStatus()).isEqualTo(400);
		assertThat(api.integrity(farDate).getStatus()).isEqualTo(400);
		assertThat(api.integrity(duplicate).getStatus()).isEqualTo(409);

		MockHttpServletResponse response = new MockHttpServletResponse();
		new PageErrors().integrity(nul, response, new ExtendedModelMap());
		assertThat(response.getStatus()).isEqualTo(400);
		response = new MockHttpServletResponse();
		new PageErrors().integrity(duplicate, response, new ExtendedModelMap());
		assertThat(response.getStatus()).isEqualTo(409);
	}

	private DataIntegrityViolationException refused(String sql, String value) {
		DataIntegrityViolationException refused = catchThrowableOfType(DataIntegrityViolationException.class,
				() -> jdbc.sql(sql).param("value", value).query().listOfRows());
		assertThat(refused).as(sql).isNotNull();
		return refused;
	}

}
