package io.quarkiverse.alioss.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.emulator.server.ApiOperation.Condition;
import io.quarkiverse.alioss.emulator.server.ApiOperation.Scope;

/**
 * Finds the OSS operation a request asks for. A request never falls through to another operation: one naming a
 * sub-resource is that sub-resource's operation or nothing, so {@code DELETE /key?tagging} can never delete the
 * object.
 */
final class RequestRouter {

    private RequestRouter() {
    }

    /** The operation; when the emulator does not implement it (or OSS has none such), one without implementation. */
    static ApiOperation route(OssExchange ex) {
        Scope scope = ex.bucket == null ? Scope.SERVICE : ex.key == null ? Scope.BUCKET : Scope.OBJECT;
        String method = ex.request.method().name();
        List<String> selectors = new ArrayList<>();
        for (Map.Entry<String, String> param : ex.query) {
            if (ApiCatalogue.SUB_RESOURCES.contains(param.getKey()) && !selectors.contains(param.getKey())) {
                selectors.add(param.getKey());
            }
        }
        if (selectors.size() <= 1) {
            String subResource = selectors.isEmpty() ? null : selectors.get(0);
            for (ApiOperation operation : ApiCatalogue.OPERATIONS) {
                if (operation.matches(scope, method, subResource, ex)) {
                    return operation;
                }
            }
        }
        String what = method + " on " + (scope == Scope.SERVICE ? "the service" : "a " + scope.label())
                + (selectors.isEmpty() ? "" : " with ?" + String.join("&", selectors));
        return new ApiOperation(what, scope, method, null, Condition.NONE, null);
    }

    static OssError notImplemented(ApiOperation operation) {
        return new OssError(501, "NotImplemented",
                "The emulator does not implement " + operation.name() + ".");
    }
}
