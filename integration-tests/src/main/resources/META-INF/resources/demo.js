'use strict';

// Browser direct upload: ask the application for a signed PostObject form (with the upload callback in it),
// post the file straight to OSS, and show the callback's reply that OSS relays back.

const form = document.getElementById('upload-form');
const fileInput = document.getElementById('file');
const statusLine = document.getElementById('status');
const errorBox = document.getElementById('error');
const result = document.getElementById('result');

function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    statusLine.textContent = '';
}

function clearMessages() {
    errorBox.hidden = true;
    errorBox.textContent = '';
    result.hidden = true;
}

// Turns any error answer (our JSON {"error"}, an OSS XML error, or plain text) into one readable sentence.
async function describeFailure(response, what) {
    const text = await response.text();
    try {
        const json = JSON.parse(text);
        if (json && json.error) {
            return what + ' failed: ' + json.error;
        }
    } catch (ignored) {
        // not JSON
    }
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    const code = xml.querySelector('Code');
    const message = xml.querySelector('Message');
    if (code || message) {
        return what + ' failed: ' + [code && code.textContent, message && message.textContent].filter(Boolean).join(': ');
    }
    return what + ' failed with HTTP ' + response.status + (text ? ': ' + text.slice(0, 200) : '');
}

async function requestForm(file) {
    const response = await fetch('uploads/form', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fileName: file.name, contentType: file.type || 'application/octet-stream' })
    });
    if (!response.ok) {
        throw new Error(await describeFailure(response, 'Preparing the upload'));
    }
    return response.json();
}

async function postToOss(upload, file) {
    const data = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) {
        data.append(name, value);
    }
    data.append('file', file); // OSS ignores every field after the file, so it goes last
    const response = await fetch(upload.url, { method: 'POST', body: data });
    if (!response.ok) {
        throw new Error(await describeFailure(response, 'The upload to OSS'));
    }
    const text = await response.text();
    try {
        return { reply: JSON.parse(text), raw: text };
    } catch (e) {
        throw new Error('OSS stored the file but relayed a reply that is not JSON: ' + text.slice(0, 200));
    }
}

function showReply(reply, raw) {
    const show = (id, value) => {
        document.getElementById(id).textContent = value === null || value === undefined ? '(not an image)' : value;
    };
    show('result-object', reply.object);
    show('result-size', reply.size);
    show('result-type', reply.contentType);
    show('result-width', reply.width);
    show('result-height', reply.height);
    show('result-source', reply.source);
    document.getElementById('result-raw').textContent = raw;
    result.hidden = false;
}

async function refreshObjects() {
    const body = document.querySelector('#objects tbody');
    try {
        const response = await fetch('objects');
        if (!response.ok) {
            throw new Error(await describeFailure(response, 'Listing the stored objects'));
        }
        const objects = await response.json();
        body.replaceChildren(...objects.map(o => {
            const row = document.createElement('tr');
            for (const value of [o.key, o.size, o.lastModified]) {
                const cell = document.createElement('td');
                cell.textContent = value;
                row.appendChild(cell);
            }
            return row;
        }));
    } catch (e) {
        showError(e.message);
    }
}

form.addEventListener('submit', async event => {
    event.preventDefault();
    clearMessages();
    const file = fileInput.files[0];
    if (!file) {
        showError('Pick a file first.');
        return;
    }
    try {
        statusLine.textContent = 'Asking the application for a signed form…';
        const upload = await requestForm(file);
        statusLine.textContent = 'Uploading ' + file.name + ' to OSS…';
        const { reply, raw } = await postToOss(upload, file);
        statusLine.textContent = 'Done: OSS stored the file and the application confirmed it.';
        showReply(reply, raw);
        refreshObjects();
    } catch (e) {
        showError(e instanceof TypeError ? 'Network error: ' + e.message + ' (is the application running?)' : e.message);
    }
});

document.getElementById('refresh').addEventListener('click', refreshObjects);
refreshObjects();
