package io.quarkiverse.alioss.deployment.devui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.deployment.callback.CallbackResourceMethodBuildItem;
import io.quarkiverse.alioss.deployment.callback.CallbackRouteBuildItem;
import io.quarkiverse.alioss.runtime.devui.OssDevUiService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The extension's Dev UI card: the callback endpoints (build-time data), the live list of deliveries with their replay
 * and an upload action, and the buckets of the emulated clients (JSON-RPC). Dev mode only.
 */
@BuildSteps(onlyIf = IsDevelopment.class)
public class OssDevUiProcessor {

    @BuildStep
    CardPageBuildItem card(List<CallbackRouteBuildItem> routes, List<CallbackResourceMethodBuildItem> resourceMethods) {
        List<Map<String, Object>> callbacks = new ArrayList<>();
        routes.forEach(route -> callbacks.add(route.devUiSummary()));
        resourceMethods.forEach(method -> callbacks.add(method.devUiSummary()));
        callbacks.sort(Comparator.comparing(callback -> String.valueOf(callback.get("path"))));

        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("callbacks", callbacks);
        card.addPage(Page.webComponentPageBuilder()
                .title("Callback endpoints")
                .icon("font-awesome-solid:plug")
                .componentLink("qwc-alioss-endpoints.js")
                .staticLabel(String.valueOf(callbacks.size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Deliveries")
                .icon("font-awesome-solid:inbox")
                .componentLink("qwc-alioss-deliveries.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Buckets")
                .icon("font-awesome-solid:box-archive")
                .componentLink("qwc-alioss-buckets.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(OssDevUiService.class);
    }
}
