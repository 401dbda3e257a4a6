import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { callbacks } from 'build-time-data';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** The @OssCallback endpoints found at build time, each with the callback an upload through its template carries. */
export class QwcAliossEndpoints extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; height: 100%; }
        vaadin-grid { height: 100%; }
        pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: var(--lumo-font-size-s); }
        .detail { padding: 0.5em 1em; }
    `;

    static properties = {
        _templates: { state: true },
    };

    constructor() {
        super();
        this._templates = {};
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getTemplates().then(response => {
            const byName = {};
            response.result.forEach(template => byName[template.name] = template);
            this._templates = byName;
        });
    }

    render() {
        return html`
            <vaadin-grid .items="${callbacks}" theme="row-stripes wrap-cell-content" all-rows-visible
                    .detailsOpenedItems="${callbacks}"
                    .rowDetailsRenderer="${(root, grid, model) => this._details(root, model.item)}">
                <vaadin-grid-sort-column path="name" header="Name" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column path="path" header="Path" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-column path="bodyType" header="Body" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Variables" ${columnBodyRenderer(c => html`${c.variables.join(', ')}`, [])}></vaadin-grid-column>
                <vaadin-grid-column path="servedBy" header="Served by" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="method" header="Method"></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _details(root, callback) {
        const template = this._templates[callback.name];
        root.textContent = '';
        const pre = document.createElement('pre');
        pre.className = 'detail';
        pre.textContent = template
            ? 'Body template: ' + template.body + '\nCallback (x-oss-callback, decoded): ' + template.callback
            : 'loading the template…';
        root.appendChild(pre);
    }
}
customElements.define('qwc-alioss-endpoints', QwcAliossEndpoints);
