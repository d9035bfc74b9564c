package io.riskdesk.signal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.riskdesk.playbook.DetectionPolicy;

/** Detection rules that share their telemetry: each rule is one SQL statement over a whole scope. */
interface RuleFamily {

	/** The family's findings in the scope, before modifiers. */
	List<Finding> find(DetectionPolicy policy, DetectionScope scope);

	/** A SQL date[] column. */
	static List<LocalDate> dates(ResultSet rs, String column) throws SQLException {
		List<LocalDate> dates = new ArrayList<>();
		for (Object value : (Object[]) rs.getArray(column).getArray()) {
			dates.add(((java.sql.Date) value).toLocalDate());
		}
		return dates;
	}

	/** A SQL int[] column; nulls stay null. */
	static List<Integer> integers(ResultSet rs, String column) throws SQLException {
		List<Integer> values = new ArrayList<>();
		for (Object value : (Object[]) rs.getArray(column).getArray()) {
			values.add((Integer) value);
		}
		return values;
	}

}
