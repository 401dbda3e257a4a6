package io.quarkiverse.alioss.deployment.callback;

import static org.jboss.jandex.gizmo2.Jandex2Gizmo.classDescOf;
import static org.jboss.jandex.gizmo2.Jandex2Gizmo.methodDescOf;

import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.alioss.runtime.callback.receive.OssCallbackRouteHandler;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Expr;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.creator.BlockCreator;
import io.quarkus.runtime.util.HashUtil;

/**
 * Generates one route handler class per {@code @OssCallback} method. The generated class only adds what must not be
 * generic: a direct, typed call of the business method (no reflection); reading, verifying, binding, threading and
 * replying live in {@link OssCallbackRouteHandler}.
 */
final class CallbackHandlerGenerator {

    static final String HANDLER_SUFFIX = "_OssCallbackHandler";

    private CallbackHandlerGenerator() {
    }

    /**
     * Generates the handler in the bean's package, so that package-private methods and types can be called.
     *
     * @return the generated class name
     */
    static String generate(Gizmo gizmo, BeanInfo bean, MethodInfo method) {
        String handlerName = handlerName(bean, method);
        gizmo.class_(handlerName, cc -> {
            cc.final_();
            cc.extends_(OssCallbackRouteHandler.class);
            cc.defaultConstructor();
            cc.method("invokeMethod", mc -> {
                mc.protected_();
                mc.returning(Object.class);
                ParamVar beanInstance = mc.parameter("bean", Object.class);
                ParamVar arguments = mc.parameter("arguments", Object[].class);
                mc.body(b -> {
                    Expr target = b.cast(beanInstance, classDescOf(method.declaringClass()));
                    List<Expr> values = new ArrayList<>();
                    List<Type> types = method.parameterTypes();
                    for (int i = 0; i < types.size(); i++) {
                        values.add(argument(b, b.get(arguments.elem(i)), types.get(i)));
                    }
                    Expr result = b.invokeVirtual(methodDescOf(method), target, values);
                    if (method.returnType().kind() == Type.Kind.VOID) {
                        b.return_(Const.ofNull(Object.class));
                    } else if (method.returnType().kind() == Type.Kind.PRIMITIVE) {
                        b.return_(b.box(result));
                    } else {
                        b.return_(result);
                    }
                });
            });
        });
        return handlerName;
    }

    /** Casts one bound argument (always an object) to the declared parameter type, unboxing primitives. */
    private static Expr argument(BlockCreator b, Expr value, Type type) {
        if (type.kind() == Type.Kind.PRIMITIVE) {
            ClassDesc boxed = classDescOf(PrimitiveType.box(type.asPrimitiveType()));
            return b.unbox(b.cast(value, boxed));
        }
        return b.cast(value, classDescOf(type));
    }

    static String handlerName(BeanInfo bean, MethodInfo method) {
        StringBuilder signature = new StringBuilder(method.declaringClass().name().toString())
                .append('#').append(method.name()).append('(');
        for (Type parameter : method.parameterTypes()) {
            signature.append(parameter.name()).append(';');
        }
        return bean.getImplClazz().name().toString() + HANDLER_SUFFIX + "_" + method.name() + "_"
                + HashUtil.sha1(signature.append(')').toString());
    }
}
