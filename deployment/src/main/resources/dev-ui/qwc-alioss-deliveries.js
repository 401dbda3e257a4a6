import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { callbacks } from 'build-time-data';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/select';
import '@vaadin/text-field';
import '@vaadin/text-area';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * The last callback requests the application received, live: outcome with the precise reason, duration, reply size and
 * the body as received; each can be replayed. An upload through a template makes the emulator call back for real.
 */
export class QwcAliossDeliveries extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 0.5em; padding: 0.5em; height: 100%; }
        .upload { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: baseline; }
        .accepted { color: var(--lumo-success-text-color); }
        .refused, .failed, .not-delivered { color: var(--lumo-error-text-color); }
        pre { white-space: pre-wrap; word-break: break-all; margin: 0; padding: 0.5em 1em; font-size: var(--lumo-font-size-s); }
        vaadin-grid { flex: 1; min-height: 20em; }
        .message { font-size: var(--lumo-font-size-s); }
    `;

    static properties = {
        _deliveries: { state: true },
        _opened: { state: true },
        _message: { state: true },
        _callback: { state: true },
    };

    constructor() {
        super();
        this._deliveries = [];
        this._opened = [];
        this._message = '';
        this._callback = callbacks.length > 0 ? callbacks[0].name : '';
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getDeliveries().then(response => this._deliveries = response.result);
        this._stream = this.jsonRpc.streamDeliveries().onNext(response => {
            this._deliveries = [response.result, ...this._deliveries].slice(0, 50);
        });
    }

    disconnectedCallback() {
        if (this._stream) {
            this._stream.cancel();
        }
        super.disconnectedCallback();
    }

    render() {
        return html`
            ${this._uploadForm()}
            <div class="message">${this._message}</div>
            <vaadin-grid .items="${this._deliveries}" theme="row-stripes" .detailsOpenedItems="${this._opened}"
                    @active-item-changed="${e => this._opened = e.detail.value ? [e.detail.value] : []}"
                    .rowDetailsRenderer="${(root, grid, model) => this._body(root, model.item)}">
                <vaadin-grid-column path="id" header="#" width="4em" flex-grow="0"></vaadin-grid-column>
                <vaadin-grid-column header="Time" auto-width ${columnBodyRenderer(d => html`${d.time.substring(11, 23)}`, [])}></vaadin-grid-column>
                <vaadin-grid-column path="callback" header="Endpoint" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Outcome" auto-width ${columnBodyRenderer(d => this._outcome(d), [])}></vaadin-grid-column>
                <vaadin-grid-column path="status" header="Status" width="6em" flex-grow="0"></vaadin-grid-column>
                <vaadin-grid-column header="Duration" width="7em" flex-grow="0" ${columnBodyRenderer(d => html`${d.durationMillis} ms`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Reply" width="6em" flex-grow="0" ${columnBodyRenderer(d => html`${d.replyBytes} B`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Replay of" width="7em" flex-grow="0" ${columnBodyRenderer(d => html`${d.replayOf ? '#' + d.replayOf : ''}`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="" width="7em" flex-grow="0" ${columnBodyRenderer(d => html`
                    <vaadin-button theme="small" ?disabled="${d.body === undefined}" @click="${e => { e.stopPropagation(); this._replay(d); }}">Replay</vaadin-button>`, [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _uploadForm() {
        if (callbacks.length === 0) {
            return html`<p>The application has no @OssCallback methods.</p>`;
        }
        const items = callbacks.map(c => ({ label: c.name + ' (' + c.path + ')', value: c.name }));
        return html`
            <div class="upload">
                <vaadin-select label="Upload through" .items="${items}" .value="${this._callback}"
                        @value-changed="${e => this._callback = e.detail.value}"></vaadin-select>
                <vaadin-text-field id="key" label="Object key" value="dev-ui/hello.txt"></vaadin-text-field>
                <vaadin-text-field id="content" label="Content" value="Hello from the Dev UI"></vaadin-text-field>
                <vaadin-text-field id="variables" label="Variables (JSON)" placeholder='{"user":"alice"}'
                        value="${this._exampleVariables()}"></vaadin-text-field>
                <vaadin-button theme="primary" @click="${() => this._upload()}">Upload</vaadin-button>
            </div>`;
    }

    _exampleVariables() {
        const callback = callbacks.find(c => c.name === this._callback);
        const custom = callback ? callback.variables.filter(v => v.startsWith('x:')) : [];
        const example = {};
        custom.forEach(v => example[v.substring(2)] = 'dev-ui');
        return JSON.stringify(example);
    }

    _outcome(delivery) {
        const css = delivery.outcome.replace(' ', '-');
        return html`<span class="${css}">${delivery.outcome}${delivery.code ? ' — ' + delivery.code : ''}</span>`;
    }

    _body(root, delivery) {
        root.textContent = '';
        const pre = document.createElement('pre');
        const lines = [];
        if (delivery.detail) lines.push('Reason: ' + delivery.detail);
        lines.push('Path: ' + delivery.path);
        if (delivery.ossRequestId) lines.push('x-oss-request-id: ' + delivery.ossRequestId);
        if (delivery.contentType) lines.push('Content-Type: ' + delivery.contentType);
        if (delivery.keyUrl) lines.push('x-oss-pub-key-url: ' + delivery.keyUrl);
        if (delivery.authorization) lines.push('Authorization: ' + delivery.authorization);
        lines.push('');
        lines.push(delivery.body === undefined ? '(no body received)' : delivery.body
            + (delivery.bodyTruncated ? '\n… (' + delivery.bodyBytes + ' bytes in all)' : ''));
        pre.textContent = lines.join('\n');
        root.appendChild(pre);
    }

    _replay(delivery) {
        this._message = 'Replaying #' + delivery.id + '…';
        this.jsonRpc.replay({ id: delivery.id }).then(response => {
            const replayed = response.result;
            this._message = 'Replay of #' + delivery.id + ' is #' + replayed.id + ': ' + replayed.outcome
                + (replayed.code ? ' (' + replayed.code + ')' : '');
        }).catch(error => this._message = 'Replay failed: ' + (error.error ? error.error.message : error));
    }

    _upload() {
        const value = id => this.shadowRoot.getElementById(id).value;
        let variables;
        try {
            variables = JSON.parse(value('variables') || '{}');
        } catch (e) {
            this._message = 'Variables: not JSON (' + e.message + ')';
            return;
        }
        this._message = 'Uploading…';
        this.jsonRpc.upload({ callback: this._callback, key: value('key'), content: value('content'), variables: variables })
            .then(response => {
                const r = response.result;
                this._message = 'Uploaded ' + r.bucket + '/' + r.key + ': ' + r.status + ' (request id ' + r.requestId + ')'
                    + (r.reply ? ' — ' + r.reply : '');
            })
            .catch(error => this._message = 'Upload failed: ' + (error.error ? error.error.message : error));
    }
}
customElements.define('qwc-alioss-deliveries', QwcAliossDeliveries);
