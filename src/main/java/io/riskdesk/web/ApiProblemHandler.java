package io.riskdesk.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
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

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		return badRequest(List.of(new FieldProblem(ex.field(), ex.reason())));
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
	ProblemDetail concurrentWrite(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this record at the same time; reload it and apply your change again");
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException ex) {
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
		if (ex instanceof InvalidFormatException format) {
			Class<?> type = format.getTargetType();
			if (type != null && type.isEnum()) {
				return "must be one of " + List.of(type.getEnumConstants());
			}
			return "'" + format.getValue() + "' is not a valid " + (type == null ? "value" : type.getSimpleName());
		}
		return firstLine(ex.getOriginalMessage());
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
