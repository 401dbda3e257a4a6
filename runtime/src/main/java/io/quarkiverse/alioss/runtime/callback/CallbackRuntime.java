package io.quarkiverse.alioss.runtime.callback;

import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackIntake;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackJournal;
import io.quarkiverse.alioss.runtime.callback.template.CallbackTemplateRegistry;
import io.quarkus.arc.Arc;

/**
 * The callback state of the running application: the templates handed out and the intakes of the
 * {@code @OssCallback} resource methods. The recorders fill it at run-time init. A bean rather than static fields, so
 * that every start (a dev-mode restart included) begins empty and nothing outlives the application it belongs to.
 */
@Singleton
public class CallbackRuntime {

    private volatile OssCallbackTemplates templates = new CallbackTemplateRegistry(Map.of());
    private volatile Map<String, CallbackIntake> resourceMethods = Map.of();
    private volatile CallbackJournal journal = CallbackJournal.NONE;

    /** The bean of the running application, for recorders and for handlers RESTEasy Reactive creates. */
    public static CallbackRuntime current() {
        return Arc.container().instance(CallbackRuntime.class).get();
    }

    public OssCallbackTemplates templates() {
        return templates;
    }

    void installTemplates(OssCallbackTemplates templates) {
        this.templates = templates;
    }

    /** The intake of the resource method with this callback name. */
    public CallbackIntake resourceMethod(String callbackName) {
        CallbackIntake found = resourceMethods.get(callbackName);
        if (found == null) {
            throw new IllegalStateException("No @OssCallback resource method named '" + callbackName
                    + "' was registered at startup; known: " + resourceMethods.keySet());
        }
        return found;
    }

    /** Dev mode's journal of callback requests, for the Dev UI; {@link CallbackJournal#NONE} elsewhere. */
    public CallbackJournal journal() {
        return journal;
    }

    void installJournal(CallbackJournal journal) {
        this.journal = journal;
    }

    public void installResourceMethods(Map<String, CallbackIntake> byName) {
        this.resourceMethods = Map.copyOf(byName);
    }
}
