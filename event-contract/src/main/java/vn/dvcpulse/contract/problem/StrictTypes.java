package vn.dvcpulse.contract.problem;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Input is taken as typed: a number where text is expected, or text where a number or a boolean is expected, is a
 * mistyped field (Jackson would quietly convert it), so the sender learns of its mistake instead of us guessing.
 */
public final class StrictTypes {

	private StrictTypes() {
	}

	public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
		return builder
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
