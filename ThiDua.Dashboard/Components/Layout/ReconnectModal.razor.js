// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        // A wall screen has nobody to press "retry" or switch tabs: keep trying by itself.
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        retryUntilServerAnswers();
    } else if (event.detail.state === "rejected") {
        reloadWhenServerAnswers();
    }
}

const serverCheckMs = 5000;
let waitingForServer = false;

async function serverAnswers() {
    try {
        const response = await fetch("healthz", { cache: "no-store" });
        return response.ok;
    } catch {
        return false;
    }
}

// After a server restart the old circuit is gone; reloading while the server is still down
// would leave the browser on an error page, so wait until it answers, then reconnect or reload.
async function retryUntilServerAnswers() {
    if (waitingForServer) return;
    waitingForServer = true;
    while (!(await serverAnswers())) {
        await new Promise(resolve => setTimeout(resolve, serverCheckMs));
    }
    waitingForServer = false;
    await retry();
}

async function reloadWhenServerAnswers() {
    while (!(await serverAnswers())) {
        await new Promise(resolve => setTimeout(resolve, serverCheckMs));
    }
    location.reload();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                await reloadWhenServerAnswers();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        retryUntilServerAnswers();
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            await reloadWhenServerAnswers();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
