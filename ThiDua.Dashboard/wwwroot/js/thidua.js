// Small browser helpers the Blazor pages call: the "my unit" choice kept in this browser,
// scrolling to it, and the FLIP animation that lets a row visibly move to its new rank.
window.thidua = (() => {
    const myUnitKey = 'thidua.myUnit';
    const positions = new Map();

    function rowsOf(table) {
        return table ? Array.from(table.querySelectorAll('tr[data-unit]')) : [];
    }

    return {
        getMyUnit: () => localStorage.getItem(myUnitKey),
        setMyUnit: (code) => code ? localStorage.setItem(myUnitKey, code) : localStorage.removeItem(myUnitKey),
        scrollToUnit: (code) => {
            const row = document.querySelector(`tr[data-unit="${CSS.escape(code)}"]`);
            if (row) row.scrollIntoView({ block: 'center', behavior: 'smooth' });
        },
        toggleFullscreen: () => {
            if (document.fullscreenElement) document.exitFullscreen();
            else document.documentElement.requestFullscreen().catch(() => { });
        },
        // Rows keep their @key, so the same element moves; animate from where it was drawn last time.
        flip: (tableId) => {
            const table = document.getElementById(tableId);
            const previous = positions.get(tableId) || new Map();
            const current = new Map();
            for (const row of rowsOf(table)) {
                const unit = row.dataset.unit;
                const top = row.getBoundingClientRect().top + window.scrollY;
                current.set(unit, top);
                const before = previous.get(unit);
                if (before === undefined || Math.abs(before - top) < 1) continue;
                row.style.transition = 'none';
                row.style.transform = `translateY(${before - top}px)`;
                row.getBoundingClientRect();
                row.style.transition = 'transform 700ms ease';
                row.style.transform = '';
                row.classList.add('thidua-moved');
                setTimeout(() => row.classList.remove('thidua-moved'), 4000);
            }
            positions.set(tableId, current);
        },
    };
})();
