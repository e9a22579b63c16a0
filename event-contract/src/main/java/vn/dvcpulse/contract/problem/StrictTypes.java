package vn.dvcpulse.contract.problem;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Input is taken as typed: a number where text is expected, or text where a number or a boolean is expected, is a
 * mistyped field (Jackson would quietly convert it), so the sender learns of its mistake instead of us guessing.
 * A key given twice is refused (Jackson would keep the last), an enum is a name and never a number, and text is
 * read as {@link StrictText} says.
 */
public final class StrictTypes {

	private StrictTypes() {
	}

	public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
		return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.addModule(StrictText.module())
			.withCoercionConfig(LogicalType.Textual, (text) -> text.setCoercion(CoercionInputShape.Integer,
					CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, (number) -> number.setCoercion(CoercionInputShape.String,
					CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float, (number) -> number.setCoercion(CoercionInputShape.String,
					CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, (flag) -> flag.setCoercion(CoercionInputShape.String,
					CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
