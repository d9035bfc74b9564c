package io.riskdesk.risk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the register page that keep the current filters: sort by a column (a second click
 * reverses it), another page, the CSV of the same view.
 */
class RegisterLinks {

	/** The sortable columns of the table, in order, with their headings. */
	static final Map<String, String> COLUMNS = columns("key", "Key", "title", "Title", "account", "Account", "severity",
			"Severity", "status", "Status", "category", "Category", "owner", "Owner", "arrAtRisk", "ARR at risk",
			"renewalDate", "Renewal", "detectedAt", "Detected", "nextDueAt", "SLA");

	/** The default view: the risks still being worked on. */
	static final String UNRESOLVED = RiskStatus.UNRESOLVED.stream()
		.map(status -> "status=" + status)
		.collect(Collectors.joining("&", "/risks?", ""));

	/**
	 * Every risk: a bare {@code /risks} is the default view, so an empty text filter stands for
	 * "no filter" (the register ignores a blank one).
	 */
	static final String ALL = "/risks?q=";

	private final HttpServletRequest request;

	private final Sort sort;

	RegisterLinks(HttpServletRequest request, Pageable pageable) {
		this.request = request;
		this.sort = pageable.getSort();
	}

	public String sort(String column) {
		Sort.Order current = sort.getOrderFor(column);
		String direction = current != null && current.isAscending() ? ",desc" : ",asc";
		return current().replaceQueryParam("sort", column + direction).replaceQueryParam("page").toUriString();
	}

	/** The aria-sort value of a column header, or null when the view is not sorted by it. */
	public String ariaSort(String column) {
		Sort.Order current = sort.getOrderFor(column);
		return current == null ? null : current.isAscending() ? "ascending" : "descending";
	}

	public String page(int number) {
		return current().replaceQueryParam("page", number).toUriString();
	}

	/** This view without its status filter, so that it shows every status. */
	public String anyStatus() {
		UriComponentsBuilder uri = current().replaceQueryParam("status").replaceQueryParam("page");
		return uri.build().getQueryParams().isEmpty() ? request.getContextPath() + ALL : uri.toUriString();
	}

	public String all() {
		return request.getContextPath() + ALL;
	}

	public String csv() {
		return current().replacePath(request.getContextPath() + "/risks.csv").replaceQueryParam("page")
			.replaceQueryParam("size").toUriString();
	}

	/** This request's path and its non-empty parameters (a filter left at "any" sends an empty one). */
	private static Map<String, String> columns(String... keysAndLabels) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < keysAndLabels.length; i += 2) {
			columns.put(keysAndLabels[i], keysAndLabels[i + 1]);
		}
		return columns;
	}

	private UriComponentsBuilder current() {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> Arrays.stream(values)
			.filter(value -> !value.isEmpty())
			.forEach(value -> uri.queryParam(name, value)));
		return uri;
	}

}
