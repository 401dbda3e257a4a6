import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/progress-bar';

/** The buckets of the configured clients (the emulator's, with Dev Services) and their first objects. */
export class QwcAliossBuckets extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 0.5em; }
        h3 { margin: 0.5em 0 0 0; }
        .error { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _buckets: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this._load();
    }

    _load() {
        this._buckets = null;
        this.jsonRpc.getObjects().then(response => this._buckets = response.result);
    }

    render() {
        if (!this._buckets) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`
            <vaadin-button @click="${() => this._load()}">Refresh</vaadin-button>
            ${this._buckets.length === 0 ? html`<p>No OSS client with a bucket is configured.</p>` : ''}
            ${this._buckets.map(bucket => html`
                <h3>${bucket.bucket} <small>(client ${bucket.client})</small></h3>
                ${bucket.error
                    ? html`<p class="error">${bucket.error}</p>`
                    : html`
                        <vaadin-grid .items="${bucket.objects}" theme="row-stripes" all-rows-visible>
                            <vaadin-grid-sort-column path="key" header="Key"></vaadin-grid-sort-column>
                            <vaadin-grid-sort-column path="size" header="Size (bytes)" auto-width></vaadin-grid-sort-column>
                            <vaadin-grid-sort-column path="lastModified" header="Last modified" auto-width></vaadin-grid-sort-column>
                        </vaadin-grid>
                        ${bucket.truncated ? html`<p>Only the first objects are shown.</p>` : ''}`}
            `)}`;
    }
}
customElements.define('qwc-alioss-buckets', QwcAliossBuckets);
