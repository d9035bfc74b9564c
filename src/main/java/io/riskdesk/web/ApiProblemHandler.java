package io.riskdesk.web;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.InvalidFieldsException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.ForbiddenException;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail. Input errors name the field and the reason
 * in {@code errors: [{field, reason}]} so clients can show them next to the input.
 * Only for the API's controllers; pages render their errors as HTML ({@link PageErrors}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	record FieldProblem(String field, String reason) {
	}

	private static final Map<Class<?>, String> EXAMPLES = Map.of(
			LocalDate.class, "must be a date such as 2026-12-31",
			LocalDateTime.class, "must be a date and time such as 2026-12-31T14:30",
			LocalTime.class, "must be a time such as 14:30",
			Instant.class, "must be an instant such as 2026-12-31T14:30:00Z",
			ZoneId.class, "must be a time zone such as Europe/Paris",
			Currency.class, "must be an ISO 4217 currency code such as USD");

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return badRequest(List.of(new FieldProblem(ex.field(), ex.reason())));
	}

	@ExceptionHandler
	ProblemDetail invalidFields(InvalidFieldsException ex) {
		return badRequest(ex.reasons().entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Forbidden");
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail concurrentWrite(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this record at the same time; reload it and apply your change again");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		if (PageErrors.unstorable(ex)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, PageErrors.UNSTORABLE);
			problem.setTitle("Invalid request");
			return problem;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with existing data (a duplicate, or a record still in use)");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String reason = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
				? "must be one of " + List.of(ex.getRequiredType().getEnumConstants())
				: "is not a valid " + (ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName());
		return badRequest(List.of(new FieldProblem(ex.getName(), reason)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), reason(error)))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		return ResponseEntity.badRequest().body(badRequest(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(badRequest(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = cause(ex, JacksonException.class);
		if (json == null || json.getPath().isEmpty()) {
			String detail = json == null ? "The request body is missing or is not JSON"
					: "The request body is not valid JSON: " + firstLine(json.getOriginalMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
			problem.setTitle("Invalid request");
			return ResponseEntity.badRequest().body(problem);
		}
		String field = json.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return ResponseEntity.badRequest().body(badRequest(List.of(new FieldProblem(field, reason(json)))));
	}

	private static String reason(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		return firstLine(ex.getOriginalMessage());
	}

	/** What a JSON value of this type must look like, for the reader of the API rather than of Jackson. */
	private static String expected(Class<?> type) {
		Class<?> boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
		if (boxed.isEnum()) {
			return "must be one of " + List.of(boxed.getEnumConstants());
		}
		if (CharSequence.class.isAssignableFrom(boxed)) {
			return "must be a text";
		}
		if (boxed == Boolean.class) {
			return "must be true or false";
		}
		if (boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == BigInteger.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "must be a number";
		}
		if (Collection.class.isAssignableFrom(boxed) || boxed.isArray()) {
			return "must be a list";
		}
		if (Map.class.isAssignableFrom(boxed)) {
			return "must be an object";
		}
		return EXAMPLES.getOrDefault(boxed, "is not a valid " + boxed.getSimpleName());
	}

	private static String reason(FieldError error) {
		return error.isBindingFailure() ? "has an invalid value" : error.getDefaultMessage();
	}

	private static ProblemDetail badRequest(List<FieldProblem> problems) {
		String detail = problems.stream()
			.map(p -> p.field() + " " + p.reason())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", problems));
		return problem;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "is invalid";
		}
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
