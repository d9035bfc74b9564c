package io.riskdesk.risk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the register page that keep the current filters: sort by a column (a second click
 * reverses it), another page, the CSV of the same view.
 */
class RegisterLinks {

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

	public String csv() {
		return current().replacePath(request.getContextPath() + "/risks.csv").replaceQueryParam("page")
			.replaceQueryParam("size").toUriString();
	}

	private UriComponentsBuilder current() {
		return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
	}

}
