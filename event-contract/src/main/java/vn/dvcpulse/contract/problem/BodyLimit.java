package vn.dvcpulse.contract.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes the body of this handler method may have, where {@link BodyLimits#DEFAULT} is not enough. The
 * limit belongs to the matched handler, so every spelling of its path has it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

	long bytes();

}
