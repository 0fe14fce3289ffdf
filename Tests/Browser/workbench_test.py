#!/usr/bin/env python3
"""End-to-end test of `cda serve` in a real headless Chromium (driven by selenium).

Builds the bundled study into a fresh project, adds a transcript with diacritics and an emoji and
a 5,200-utterance transcript, starts `cda serve` on a free port and then, in the browser: opens a
transcript, selects spans containing diacritics (and one after an emoji, where JavaScript's UTF-16
indices and the project's code points differ), codes them through the code picker, checks the
codings and their offsets in the project through the command line (`cda fragments --json`),
merges two codes on the Codes screen and undoes it, pages through the large transcript and finds
text in transcripts with and without accents. It also
checks what issue 19 found broken: a hostile integer cannot stop the server, Enter in a code picker
takes an existing code (a new one needs its own choice), a message's Undo refuses when a later step
came first, the session cookie is not the token, `--host 0.0.0.0` needs `--allow-host`, and the
page without a session (and a session that ends while the page is open) says what to do. Then
the bundled recording: range requests, and in the page seeking by a click on a time, the spoken
utterance marked, the player's keys, the place kept across a reload, and a time span marked with
i and o, coded with the picker and listed under the player. Then the rest of issue 19: the coder
chosen once per tab (and the top bar's Undo naming whose step it undoes), filters in the
transcript, downloads of every report format, coding sheets and the .qdpx (each file arrives and
parses), the search results within the page at 1440 px, keyboard-only coding of a span, and an
axe-core scan of every screen (no serious or critical violation). Last, an utterance edited in
the page (a text fixed and undone from its message, a split at the cursor).
Screenshots of every screen and the page-load timings go to test-output/browser/.

Usage: python3 Tests/Browser/workbench_test.py [--cda .build/debug/cda] [--out test-output/browser]
Needs: chromium and chromedriver (Debian: apt-get install chromium chromium-driver), pip install selenium
axe-selenium-python.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

EMOJI_TRANSCRIPT = """# id: emoji-test
# title: Testgesprek met emoji
# group: citizens
# session: evening
# moderator: M
# speakers: M, C1, C2

## plenary
[00:00:05] M: Welkom 🙂 allemaal, fijn dat jullie er zijn.
[00:00:12] C1: Één loket 🙂 is naïef, zeggen ze.
[00:00:31] C2: Misschien, maar coördinatie tussen loketten is écht lastig.
[00:00:48] C1: Dat geloof ik best.
"""


class Failure(Exception):
    """A check that did not hold."""


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f'  ok: {message}')


class CLI:
    """Runs the cda binary on the test project."""

    def __init__(self, binary, project):
        self.binary = binary
        self.project = project

    def run(self, *arguments, project=True):
        command = [self.binary, *arguments] + (['--project', self.project] if project else [])
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise Failure(f"'{' '.join(command)}' failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def json(self, *arguments):
        return json.loads(self.run(*arguments, '--json'))

    def fragments(self, code):
        return self.json('fragments', '--code', code)

    def code(self, name):
        return next((code for code in self.json('codes', 'list', '--all') if code['name'] == name), None)


def large_transcript(count):
    lines = ['# id: large-test', '# title: Een lang gesprek', '# group: experts', '# session: marathon',
             '# moderator: M', '# speakers: M, E1, E2, E3', '', '## plenary']
    speakers = ['M', 'E1', 'E2', 'E3']
    for index in range(1, count + 1):
        seconds = index * 7
        clock = f'{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}'
        lines.append(f'[{clock}] {speakers[index % 4]}: Beurt {index}: de coördinatie van publieke diensten '
                     f'blijft een zorg, zegt men, en de efficiëntie mag geen doel op zich zijn ({index}).')
        if index % 1000 == 0:
            lines.append(f'## deel {index // 1000 + 1}')
    return '\n'.join(lines) + '\n'


class Workbench:
    """A running `cda serve` process."""

    def __init__(self, binary, project, extra=()):
        self.process = subprocess.Popen(
            [binary, 'serve', '--project', project, '--port', '0', '--coder', 'browser-test', *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        self.url = None
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r'(http://\S+/\?token=([0-9a-f]{64}))', line)
            if match:
                self.url, self.token = match.group(1), match.group(2)
                break
        if not self.url:
            self.stop()
            raise Failure(f'cda serve did not print its address: {self.process.stderr.read()}')
        parsed = urllib.parse.urlparse(self.url)
        self.host, self.port = parsed.hostname, parsed.port
        self.base = f'http://{self.host}:{self.port}'

    def request(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        connection.putrequest(method, path, skip_host=True)
        headers = dict(headers or {})
        headers.setdefault('Host', f'{self.host}:{self.port}')
        for key, value in headers.items():
            connection.putheader(key, value)
        data = body.encode() if body else None
        if data:
            connection.putheader('Content-Length', str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        self.last_headers = response.getheaders()
        return response.status, response.read().decode()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Browser:
    """Headless Chromium with helpers."""

    def __init__(self, out, downloads):
        options = webdriver.ChromeOptions()
        # Downloads go to a private folder of the test's temporary directory (they hold participants' words).
        options.add_experimental_option('prefs', {
            'download.default_directory': downloads, 'download.prompt_for_download': False, 'download.directory_upgrade': True,
            'safebrowsing.enabled': False})
        options.binary_location = shutil.which('chromium') or shutil.which('chromium-browser') or '/usr/bin/chromium'
        for argument in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                         '--window-size=1440,900', '--lang=en-GB', '--force-device-scale-factor=1',
                         '--autoplay-policy=no-user-gesture-required', '--mute-audio']:
            options.add_argument(argument)
        options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        driver = shutil.which('chromedriver') or '/usr/bin/chromedriver'
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.driver.execute_cdp_cmd('Page.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': downloads})
        self.out = out
        self.downloads = downloads

    def wait(self, condition, timeout=20, message='a condition'):
        try:
            return WebDriverWait(self.driver, timeout, ignored_exceptions=[StaleElementReferenceException]).until(condition)
        except TimeoutException as error:
            self.shot('failure')
            raise Failure(f'timed out waiting for {message}') from error

    def css(self, selector, timeout=20):
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)), timeout, selector)

    def gone(self, selector, timeout=20):
        return self.wait(EC.invisibility_of_element_located((By.CSS_SELECTOR, selector)), timeout, f'{selector} to go')

    def clickable(self, selector, timeout=20):
        return self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, selector)), timeout, selector)

    def click(self, selector, timeout=20):
        """Clicks an element, again if the page redrew it between finding and clicking."""
        self.click_located((By.CSS_SELECTOR, selector), timeout)

    def click_xpath(self, xpath, timeout=20):
        """Clicks the element an XPath names once it is clickable (dialogs open after a request returns)."""
        self.click_located((By.XPATH, xpath), timeout)

    def click_located(self, locator, timeout=20):
        for _ in range(5):
            try:
                self.wait(EC.element_to_be_clickable(locator), timeout, locator[1]).click()
                return
            except StaleElementReferenceException:
                time.sleep(0.2)
        raise Failure(f'{locator[1]} kept being redrawn')

    def shot(self, name):
        # Messages fade after a few seconds; leave them out so that screenshots show the screen.
        self.driver.execute_script("document.getElementById('toasts')?.replaceChildren()")
        path = os.path.join(self.out, f'{name}.png')
        self.driver.save_screenshot(path)
        print(f'  screenshot: {path}')

    def keys(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def toasts(self, selector='#toasts .toast'):
        """The texts of the messages on screen, read in one go (a message may vanish at any moment)."""
        return self.driver.execute_script("return [...document.querySelectorAll(arguments[0])].map((t) => t.innerText)", selector)

    def toast(self, text, timeout=20):
        self.wait(lambda d: any(text in t for t in self.toasts()), timeout, f"a message '{text}'")

    def errors(self):
        return [entry for entry in self.driver.get_log('browser') if entry['level'] == 'SEVERE']

    def select_text(self, row_selector, text):
        """Selects `text` inside an utterance's text, with DOM (UTF-16) offsets, and releases the mouse."""
        found = self.driver.execute_script("""
            const [selector, wanted] = arguments;
            const row = document.querySelector(selector);
            if (!row) return 'no row';
            const textElement = row.querySelector('.utt-text');
            const walker = document.createTreeWalker(textElement, NodeFilter.SHOW_TEXT);
            let full = '', nodes = [];
            while (walker.nextNode()) { nodes.push([walker.currentNode, full.length]); full += walker.currentNode.data; }
            const at = full.indexOf(wanted);
            if (at < 0) return 'text not found';
            const locate = (offset) => {
              for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
            };
            const [startNode, startOffset] = locate(at);
            const [endNode, endOffset] = locate(at + wanted.length);
            const range = document.createRange();
            range.setStart(startNode, startOffset);
            range.setEnd(endNode, endOffset);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            row.querySelector('.utt-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
            return 'ok';
        """, row_selector, text)
        check(found == 'ok', f"selected '{text}' in {row_selector}")

    def quit(self):
        self.driver.quit()


def code_point_offsets(text, part):
    """The code-point offsets of `part` in `text` (Python strings index code points)."""
    start = text.index(part)
    return start, start + len(part)


def choose_coder(browser, name, new=False):
    """Chooses who is coding in the dialog (opened by the top bar's button unless it is open already)."""
    driver = browser.driver
    if not driver.find_elements(By.CSS_SELECTOR, 'dialog[open] #coder-choice'):
        browser.clickable('#coder-change').click()
    choice = Select(browser.css('dialog[open] #coder-choice'))
    if new:
        choice.select_by_value('')
        browser.css('#coder-new').send_keys(name)
    else:
        choice.select_by_value(name)
    driver.find_element(By.CSS_SELECTOR, 'dialog[open] footer button.primary').click()
    browser.toast(f'Coding as {name}.')
    browser.gone('dialog[open]')
    check(browser.css('#coder-name').text == name, f'the top bar shows the coder {name}')


def check_coder_identity(browser, server, cli):
    print('Coder: chosen once per browser tab; the top bar\'s Undo names whose step it undoes')
    driver = browser.driver
    first = driver.current_window_handle
    driver.switch_to.new_window('tab')
    driver.get(f'{server.base}/#/codes?code=' + urllib.parse.quote('naïef'))
    browser.css('tr.code-row.selected')
    check(browser.css('#coder-name').text == 'not chosen', 'a new tab has chosen no coder yet')
    picker = browser.css('#code-color')
    driver.execute_script("arguments[0].value = '#aa3377'; arguments[0].dispatchEvent(new Event('change'))", picker)
    dialog = browser.css('dialog[open]')
    check('Who is coding?' in dialog.text, 'the first change asks who is coding')
    browser.shot('19-coder-dialog')
    choose_coder(browser, 'tweede codeur', new=True)
    browser.toast("coloured 'naïef' #aa3377")
    latest = cli.json('codes', 'history')[-1]
    check(latest['actor'] == 'tweede codeur' and latest['kind'] == 'recolor', f'the step is recorded for the chosen coder: {latest["actor"]}')
    browser.wait(lambda d: d.find_element(By.ID, 'undo-button').text == "Undo tweede codeur's step", message='the Undo to name the coder')
    driver.execute_script("arguments[0].value = '#113355'; arguments[0].dispatchEvent(new Event('change'))", browser.css('#code-color'))
    browser.toast("coloured 'naïef' #113355")
    check(not driver.find_elements(By.CSS_SELECTOR, 'dialog[open]'), 'the second change asks nobody: the choice holds for the tab')
    driver.refresh()
    check(browser.css('#coder-name').text == 'tweede codeur', 'the choice survives a reload of the tab')
    choose_coder(browser, 'browser-test')
    cli.run('undo')
    cli.run('undo')
    driver.close()
    driver.switch_to.window(first)


def check_filters(browser, server, cli):
    print('Transcript filters: speaker, group, code and coder; they combine, show and clear')
    driver = browser.driver
    document = 'citizens-1-afternoon'
    utterances = cli.json('show', document)
    driver.get(f'{server.base}/#/transcript/{document}')
    browser.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '#filter-speaker option')) > 1, message='the speakers to filter by')
    speaker = next(u['speaker'] for u in utterances if u.get('role', 'participant') == 'participant')
    own = sorted(u['index'] for u in utterances if u['speaker'] == speaker)
    Select(browser.css('#filter-speaker')).select_by_value(speaker)
    status = browser.css('#filter-status strong')
    check(status.text == f'{len(own)} of {len(utterances)} utterances', f'the server counts {speaker}: {status.text}')
    browser.wait(lambda d: d.execute_script("return [...document.querySelectorAll('.utt')].filter((r) => !r.hidden).length") >= min(len(own), 150),
                 message='the filtered rows')
    shown = driver.execute_script("return [...document.querySelectorAll('.utt')].filter((r) => !r.hidden).map((r) => Number(r.dataset.index))")
    check(shown == own[:len(shown)] and shown, f'only {speaker}\'s utterances are shown ({len(shown)})')
    # A code on one of the speaker's utterances, from the transcript's codings.
    status_code, body = server.request('GET', f'/api/transcript?doc={document}&from=1&to=1000', {'Authorization': f'Bearer {server.token}'})
    code = next((c['code'] for c in json.loads(body)['codings'] if c['fragment']['startUtterance'] in own), None)
    check(status_code == 200 and code, f'{speaker} has an utterance coded with {code!r}')
    Select(browser.css('#filter-code')).select_by_value(code)
    browser.wait(lambda d: f'code {code}' in d.find_element(By.ID, 'filter-status').text, message='the combined filter')
    _, body = server.request('GET', f'/api/transcript/filter?doc={document}&speaker={urllib.parse.quote(speaker)}&code={urllib.parse.quote(code)}',
                             {'Authorization': f'Bearer {server.token}'})
    expected = json.loads(body)
    status = browser.css('#filter-status strong').text
    check(status == f"{len(expected['utterances'])} of {len(utterances)} utterances" and 0 < len(expected['utterances']) <= len(own),
          f'speaker and code combine: {status}')
    marks = driver.execute_script(
        "return [...document.querySelectorAll('.utt:not([hidden]) mark.coded')].flatMap((m) => m.dataset.codings.split(',').map(Number))")
    check(marks and set(marks) <= set(expected['codings']), 'only codings of the chosen code are highlighted')
    browser.shot('20-transcript-filters')
    browser.css('#filter-clear').click()
    browser.wait(lambda d: d.find_element(By.ID, 'filter-status').text == '', message='the filters to clear')
    hidden = driver.execute_script("return document.querySelectorAll('.utt[hidden]').length")
    check(hidden == 0 and not browser.css('#filter-speaker').get_attribute('value'), 'clearing shows every utterance again')


def check_downloads(browser, server):
    print('Downloads: the report in every format, coding sheets and the .qdpx arrive and parse')
    driver = browser.driver
    driver.get(f'{server.base}/#/themes?tab=downloads')
    browser.css('.downloads a.download')
    browser.shot('21-downloads')
    links = driver.execute_script("return [...document.querySelectorAll('.downloads a.download')].map((a) => a.dataset.file)")
    check(len(links) == 11, f'eleven downloads offered: {links}')

    def fetch(name):
        target = os.path.join(browser.downloads, name)
        if os.path.exists(target):
            os.remove(target)
        driver.find_element(By.CSS_SELECTOR, f'.downloads a[data-file="{name}"]').click()
        browser.wait(lambda d: os.path.exists(target) and not os.path.exists(target + '.crdownload'), 60, f'{name} to arrive')
        return target

    for name in links:
        path = fetch(name)
        if name.endswith('.json'):
            check(len(json.load(open(path, encoding='utf-8'))['themes']) > 0, f'{name} arrived and parses as JSON')
        elif name.endswith('.md'):
            check(open(path, encoding='utf-8').read().startswith('# '), f'{name} arrived: a Markdown heading')
        elif name.endswith('.html'):
            text = open(path, encoding='utf-8').read()
            check(text.startswith('<!DOCTYPE html>') and 'class="chip"' in text, f'{name} arrived with the codes\' colours')
        elif name.endswith('.csv') or name.endswith('.tsv'):
            import csv
            with open(path, encoding='utf-8', newline='') as file:
                rows = list(csv.reader(file, delimiter='\t' if name.endswith('.tsv') else ','))
            check(len(rows) > 1 and len({len(row) for row in rows}) == 1, f'{name} arrived: {len(rows)} rows of {len(rows[0])} columns')
        else:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
            needed = {'.docx': 'word/document.xml', '.odt': 'content.xml', '.xlsx': 'xl/worksheets/sheet1.xml', '.qdpx': 'project.qde'}
            entry = next(value for key, value in needed.items() if name.endswith(key))
            check(entry in names, f'{name} arrived: a package with {entry}')
            if name.endswith('.qdpx'):
                with zipfile.ZipFile(path) as archive:
                    qde = archive.read('project.qde').decode('utf-8')
                check('color="#123abc"' in qde, 'the .qdpx carries the colour chosen in the browser')
        check(os.stat(path).st_size > 0, f'{name} is not empty')


def check_search_layout(browser, server):
    print('Layout: the search results fit the page at 1440 px')
    driver = browser.driver
    driver.get(f'{server.base}/#/corpus')
    search = browser.css('#search-input')
    search.clear()
    # The bundled study's long turns: before the fix, these results ran 110–190 px past their column.
    search.send_keys('digitalis*')
    search.send_keys(Keys.ENTER)
    browser.css('table.kwic tbody tr')
    width = driver.execute_script('return window.innerWidth')
    check(width == 1440 or driver.get_window_size()['width'] == 1440, f'the window is 1440 px wide ({width})')
    overflow = driver.execute_script("""
        return ['#search-results', '.search-panel', 'main', 'html'].map((s) => {
          const e = s === 'html' ? document.documentElement : document.querySelector(s);
          return [s, e.scrollWidth, e.clientWidth];
        });""")
    check(all(scroll <= client for _, scroll, client in overflow), f'no horizontal overflow (scrollWidth ≤ clientWidth): {overflow}')
    browser.shot('22-search-layout')


def check_keyboard_coding(browser, server, cli):
    print('Keyboard only: Tab to a highlight and a code-tree row, select with Shift+arrows, code with c')
    driver = browser.driver
    driver.get(f'{server.base}/#/transcript/emoji-test')
    browser.css('#u2 .utt-text')
    # Tab from the find box reaches the transcript, then its first highlight.
    browser.css('#find-input').click()
    for _ in range(30):
        browser.keys(Keys.TAB)
        if driver.execute_script("return document.activeElement.matches('mark.coded')"):
            break
    check(driver.execute_script("return document.activeElement.matches('mark.coded')"), 'Tab reaches a coded highlight')
    outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    check(outline not in ('none', ''), f'the focused highlight shows its focus ({outline})')
    browser.keys(Keys.ENTER)
    browser.css('#coding-panel #coding-memo')
    check(True, 'Enter on a highlight opens its coding')
    browser.keys(Keys.ESCAPE)
    # From the highlight in utterance 2: ↓ puts the caret at the start of utterance 3, → moves it, Shift+→ selects.
    check(driver.execute_script("return document.activeElement.matches('#u2 mark.coded')"),
          'the highlight keeps the focus when its row is drawn again')
    driver.execute_script('window.getSelection().removeAllRanges()')
    text = cli.json('show', 'emoji-test')[2]['text']
    start = text.index('coördinatie')
    browser.keys(Keys.ARROW_DOWN, *([Keys.ARROW_RIGHT] * start))
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(*([Keys.ARROW_RIGHT] * len('coördinatie'))).key_up(Keys.SHIFT).perform()
    selected = driver.execute_script('return window.getSelection().toString()')
    check(selected == 'coördinatie', f'↓, → and Shift+→ selected {selected!r}')
    browser.css('.selection-toolbar:not([hidden])')
    browser.keys('c')
    picker = browser.css('.picker input[type=text]')
    picker.send_keys('afstemming')
    check('Create new code' in browser.css('.picker-list li.active').text, 'no code matches: creating is the choice')
    picker.send_keys(Keys.ENTER)
    browser.toast("Coded with 'afstemming' (new code).")
    fragment = cli.fragments('afstemming')[0]['fragment']
    check((fragment['startUtterance'], fragment['startOffset'], fragment['endOffset']) == (3, start, start + len('coördinatie')),
          f'the keyboard-selected span is coded at code points {start}–{start + len("coördinatie")}')
    browser.shot('23-keyboard-coding')
    driver.get(f'{server.base}/#/codes')
    browser.css('tr.code-row')
    browser.css('#code-filter, .tree-tools input').click()
    for _ in range(10):
        browser.keys(Keys.TAB)
        if driver.execute_script("return document.activeElement.matches('tr.code-row')"):
            break
    check(driver.execute_script("return document.activeElement.matches('tr.code-row[role=row]')"), 'Tab reaches a row of the code tree')
    first = driver.execute_script('return document.activeElement.dataset.code')
    browser.keys(Keys.ARROW_DOWN)
    second = driver.execute_script('return document.activeElement.dataset.code')
    check(second != first, f'↓ moves to the next row ({first} → {second})')
    browser.keys(Keys.ENTER)
    browser.wait(lambda d: d.find_element(By.CSS_SELECTOR, 'tr.code-row.selected').get_attribute('data-code') == second, message='Enter to open the code')
    check(driver.execute_script("return document.activeElement.dataset.code") == second, 'focus stays on the opened row')


def check_accessibility(browser, server):
    print('Accessibility: axe-core on every screen, no serious or critical violation')
    driver = browser.driver
    screens = [('corpus', '#/corpus', 'table.documents'), ('transcript', '#/transcript/emoji-test', '#u2 .utt-text'),
               ('codes', '#/codes', 'tr.code-row'), ('themes', '#/themes', '.theme-card'),
               ('report', '#/themes?tab=report', '#report-frame'), ('downloads', '#/themes?tab=downloads', '.downloads'),
               ('memos', '#/memos', '#project-memo')]
    found = {}
    for name, route, ready in screens:
        driver.get(f'{server.base}/{route}')
        browser.css(ready)
        if name == 'codes':
            browser.css('tr.code-row').click()
        axe = Axe(driver)
        axe.inject()
        # The report's frame is a sandboxed document without scripts; its HTML is checked as a file.
        results = axe.run(options="{iframes: false, resultTypes: ['violations']}")
        serious = [v for v in results['violations'] if v['impact'] in ('serious', 'critical')]
        found[name] = [(v['id'], v['impact'], len(v['nodes']), v['nodes'][0]['target']) for v in serious]
    # A dialog open: the coder dialog.
    driver.get(f'{server.base}/#/corpus')
    browser.css('table.documents')
    browser.clickable('#coder-change').click()
    browser.css('dialog[open] #coder-choice')
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options="{iframes: false, resultTypes: ['violations']}")
    found['coder dialog'] = [(v['id'], v['impact'], len(v['nodes']), v['nodes'][0]['target'])
                             for v in results['violations'] if v['impact'] in ('serious', 'critical')]
    browser.keys(Keys.ESCAPE)
    browser.gone('dialog[open]')
    with open(os.path.join(browser.out, 'axe-violations.json'), 'w') as file:
        json.dump(found, file, indent=2)
    for name, violations in found.items():
        check(not violations, f'{name}: no serious or critical axe violation {violations}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cda', default=os.path.join(ROOT, '.build', 'debug', 'cda'))
    parser.add_argument('--out', default=os.path.join(ROOT, 'test-output', 'browser'))
    parser.add_argument('--utterances', type=int, default=5200)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix='cda-browser-')
    project = os.path.join(work, 'study.cda')
    cli = CLI(args.cda, project)
    server = browser = None
    try:
        print('Preparing the project')
        cli.run('build', os.path.join(ROOT, 'Corpora', 'scenario-workshops', 'cda.yaml'), '--project', project,
                '--out', os.path.join(work, 'report'), project=False)
        with open(os.path.join(work, 'emoji-test.txt'), 'w', encoding='utf-8') as file:
            file.write(EMOJI_TRANSCRIPT)
        with open(os.path.join(work, 'large-test.txt'), 'w', encoding='utf-8') as file:
            file.write(large_transcript(args.utterances))
        cli.run('ingest', os.path.join(work, 'emoji-test.txt'), os.path.join(work, 'large-test.txt'))

        print('Starting cda serve')
        server = Workbench(args.cda, project)
        print(f'  {server.base}')

        print('Safety of the API')
        status, _ = server.request('GET', '/api/session')
        check(status == 401, 'no token: 401')
        status, _ = server.request('GET', '/api/session', {'Authorization': f'Bearer {server.token}', 'Host': f'evil.example:{server.port}'})
        check(status == 421, 'a foreign Host header (DNS rebinding): refused with 421')
        status, _ = server.request('POST', '/api/undo', {'Authorization': f'Bearer {server.token}'}, '{}')
        check(status == 403, 'a change without the CSRF token: 403')
        status, body = server.request('GET', '/api/session', {'Authorization': f'Bearer {server.token}'})
        check(status == 200 and json.loads(body)['coder'] == 'browser-test', 'bearer token: 200')
        bearer = {'Authorization': f'Bearer {server.token}'}
        for query in ['from=9223372036854775807', 'from=-9223372036854775808', 'from=1&to=9223372036854775807', 'from=abc']:
            status, body = server.request('GET', f'/api/transcript?doc=emoji-test&{query}', bearer)
            check(status == 400 and "must be a whole number" in json.loads(body)['error'], f'{query}: 400, {json.loads(body)["error"]}')
        status, _ = server.request('GET', '/api/session', bearer)
        check(status == 200 and server.process.poll() is None, 'the server still answers after hostile integers')
        status, _ = server.request('GET', f'/?token={server.token}')
        cookie = dict(server.last_headers).get('Set-Cookie', '')
        name, _, rest = cookie.partition('=')
        value, *attributes = [part.strip() for part in rest.split(';')]
        check(name == f'cda_session_{server.port}' and value and value != server.token and server.token not in cookie,
              'the login cookie carries a session value, not the token')
        check(set(attributes) == {'Path=/', 'HttpOnly', 'SameSite=Strict'}, f'cookie attributes {attributes}')
        status, _ = server.request('GET', '/api/session', {'Cookie': f'{name}={value}'})
        check(status == 200, 'the session cookie opens the API')
        status, _ = server.request('GET', '/api/session', {'Cookie': f'{name}={server.token}'})
        check(status == 401, 'the token is no session cookie')
        status, body = server.request('GET', '/')
        check(status == 401 and '/signin.css' in body and 'style=' not in body and 'cda serve' in body,
              'without a session: the sign-in page, styled by its own stylesheet')

        print('Listening beyond this computer needs --allow-host')
        refused = subprocess.run([args.cda, 'serve', '--project', project, '--port', '0', '--host', '0.0.0.0'],
                                 capture_output=True, text=True, timeout=60)
        check(refused.returncode == 64 and '--allow-host NAME' in refused.stderr, f'--host 0.0.0.0 alone is refused: {refused.stderr.strip()[:120]}')
        exposed = Workbench(args.cda, project, ['--host', '0.0.0.0', '--allow-host', 'workbench.test'])
        try:
            status, _ = exposed.request('GET', '/api/session', {'Authorization': f'Bearer {exposed.token}', 'Host': f'workbench.test:{exposed.port}'})
            check(status == 200, 'a name given with --allow-host passes the Host check')
            status, _ = exposed.request('GET', '/api/session', {'Authorization': f'Bearer {exposed.token}', 'Host': f'other.test:{exposed.port}'})
            check(status == 421, 'other names are still refused')
        finally:
            exposed.stop()

        downloads = os.path.join(work, 'downloads')
        os.makedirs(downloads, mode=0o700)
        browser = Browser(args.out, downloads)
        driver = browser.driver

        print('The page without a session')
        driver.get(server.base + '/')
        browser.css('main.signin')
        check('cda serve' in driver.find_element(By.TAG_NAME, 'main').text, 'the sign-in page says to open the printed address')
        check(driver.execute_script("return getComputedStyle(document.querySelector('main.signin')).maxWidth") != 'none',
              'its stylesheet applies')
        violations = [entry for entry in driver.get_log('browser') if 'Content Security Policy' in entry['message']]
        check(not violations, f'no Content-Security-Policy violations on the sign-in page {violations}')

        print('Corpus screen')
        driver.get(server.url)
        browser.css('table.documents')
        check('token=' not in driver.current_url, 'the token left the address bar after login')
        check(len(driver.find_elements(By.CSS_SELECTOR, 'table.documents tbody tr')) == 6, 'six documents listed')
        browser.shot('01-corpus')
        check(browser.css('#coder-name').text == 'not chosen', 'no coder is chosen before the first change of this tab')
        choose_coder(browser, 'browser-test')
        search = browser.css('#search-input')
        search.send_keys('coördinatie')
        search.send_keys(Keys.ENTER)
        browser.css('table.kwic tbody tr')
        check('Code these' in browser.css('#code-hits').text, "search hits with 'Code these hits'")
        browser.shot('02-corpus-search')

        print('Offsets in the browser: code points against UTF-16')
        results = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            import('/js/offsets.js').then((o) => {
              const text = 'Één 🙂 naïef';
              done({
                length: o.codePointLength(text), utf16: text.length,
                toCodePoint: o.utf16ToCodePoint(text, 7), toUTF16: o.codePointToUTF16(text, 6),
                slice: o.sliceCodePoints(text, 6, 11), decomposed: o.codePointLength('e\\u0301'),
                pieces: o.segments(text, [{ start: 4, end: 5 }, { start: 4, end: 11 }]).map((p) => [p.text, p.covering.length]),
              });
            }).catch((error) => done({ error: String(error) }));
        """)
        check(results.get('length') == 11 and results.get('utf16') == 12, f'code points and UTF-16 units differ by the emoji: {results}')
        check((results['toCodePoint'], results['toUTF16'], results['slice']) == (6, 7, 'naïef'), 'conversions both ways')
        check(results['decomposed'] == 2, 'a decomposed é is two code points, as in Swift')
        check(results['pieces'] == [['Één ', 0], ['🙂', 2], [' naïef', 1]], f"segments at coding boundaries: {results['pieces']}")

        print('Transcript: code a span with diacritics in the bundled corpus')
        utterances = cli.json('show', 'citizens-1-afternoon')
        target = next(u for u in utterances if 'patiënten steeds vaker vastlopen' in u['text'])
        driver.get(f'{server.base}/#/transcript/citizens-1-afternoon?at={target["index"]}')
        browser.css(f'#u{target["index"]} .utt-text')
        phrase = 'patiënten steeds vaker vastlopen'
        browser.select_text(f'#u{target["index"]}', phrase)
        browser.css('.selection-toolbar:not([hidden])')
        browser.keys('c')
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('patiënten lopen vast')
        browser.css('.picker-list li.active .create')
        browser.shot('03-transcript-picker')
        picker.send_keys(Keys.ENTER)
        browser.toast("Coded with 'patiënten lopen vast' (new code)")
        browser.css('#coding-panel #coding-memo')
        fragments = cli.fragments('patiënten lopen vast')
        start, end = code_point_offsets(target['text'], phrase)
        check(len(fragments) == 1, 'the CLI lists the new coding')
        fragment = fragments[0]['fragment']
        check((fragment['documentID'], fragment['startUtterance'], fragment['startOffset'], fragment['endUtterance'], fragment['endOffset'])
              == ('citizens-1-afternoon', target['index'], start, target['index'], end), f'offsets are code points {start}–{end}')
        check(fragments[0]['text'] == phrase, 'the CLI shows exactly the selected text')
        memo = browser.css('#coding-memo')
        memo.send_keys('Vastlopen als ervaring van zorgverleners.')
        browser.click_xpath("//button[normalize-space()='Save memo']")
        browser.toast('Memo saved')
        browser.shot('04-transcript-coded')

        print('Transcript: in-vivo code after an emoji, and a selection across utterances')
        driver.get(f'{server.base}/#/transcript/emoji-test')
        browser.css('#u2 .utt-text')
        browser.select_text('#u2', 'naïef')
        browser.keys('v')
        picker = browser.css('.picker input[type=text]')
        check(picker.get_attribute('value') == 'naïef', 'the in-vivo picker starts with the selected words')
        check(driver.find_element(By.CSS_SELECTOR, '.picker-invivo input').is_selected(), 'in-vivo is ticked when the name is the selected text')
        picker.send_keys(Keys.ENTER)
        browser.toast('new in-vivo code')
        fragments = cli.fragments('naïef')
        fragment = fragments[0]['fragment']
        check((fragment['startOffset'], fragment['endOffset']) == (15, 20), "'naïef' after the emoji is at code points 15–20 (UTF-16 16–21)")
        check(cli.code('naïef')['origin'] == 'in-vivo', "the code 'naïef' is in-vivo")
        # A real mouse drag from the start of utterance 2 into utterance 3.
        start_element = driver.find_element(By.CSS_SELECTOR, '#u2 .utt-text')
        end_element = driver.find_element(By.CSS_SELECTOR, '#u3 .utt-text')
        ActionChains(driver).move_to_element_with_offset(start_element, -start_element.size['width'] // 2 + 1, 0) \
            .click_and_hold().move_to_element_with_offset(end_element, 0, 0).release().perform()
        browser.css('.selection-toolbar:not([hidden])')
        browser.keys('c')
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('naïviteit')
        picker.send_keys(Keys.ENTER)
        browser.toast("Coded with 'naïviteit'")
        fragments = cli.fragments('naïviteit')
        fragment = fragments[0]['fragment']
        check((fragment['startUtterance'], fragment['endUtterance']) == (2, 3), 'a dragged selection codes utterances 2–3')
        check(fragment.get('startOffset', 0) in (0, None), 'the drag started at the start of utterance 2')
        browser.shot('05-transcript-emoji')

        print('Code picker: Enter takes the existing code; a new code needs its own choice')
        browser.select_text('#u4', 'Dat geloof ik best.')
        browser.keys('c')
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('naïvi')
        active = browser.css('.picker-list li.active')
        check(active.text == 'naïviteit', f"the typed part 'naïvi' makes the existing 'naïviteit' the choice: {active.text}")
        options = [item.text for item in driver.find_elements(By.CSS_SELECTOR, '.picker-list li')]
        check(options[-1] == "+ Create new code 'naïvi'", f'creating is offered, last: {options}')
        picker.send_keys(Keys.ENTER)
        browser.toast("Coded with 'naïviteit'.")
        check(cli.code('naïvi') is None and len(cli.fragments('naïviteit')) == 2, "Enter coded with 'naïviteit' and made no code 'naïvi'")
        browser.css('#coding-panel #coding-memo')
        browser.keys(Keys.DELETE)
        browser.toast("Removed the coding 'naïviteit'")
        browser.select_text('#u4', 'Dat geloof ik best.')
        browser.keys('c')
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('naïvi')
        browser.css('.picker-list li.active')
        picker.send_keys(Keys.ARROW_DOWN)
        check('Create new code' in browser.css('.picker-list li.active').text, 'the arrow reaches the create choice')
        check("Enter creates 'naïvi'" in driver.find_element(By.CSS_SELECTOR, '.picker-hint').text, 'the hint says Enter creates it')
        picker.send_keys(Keys.ENTER)
        browser.toast("Coded with 'naïvi' (new code).")
        check(cli.code('naïvi') is not None and len(cli.fragments('naïviteit')) == 1, "the explicit choice made the code 'naïvi'")

        print("A message's Undo undoes its own step, or says it cannot")
        browser.css('#coding-panel #coding-memo')
        browser.keys(Keys.DELETE)
        browser.toast("Removed the coding 'naïvi'")
        cli.run('codes', 'retire', 'naïvi', '--coder', 'colleague')
        undo_button = browser.wait(EC.element_to_be_clickable((By.XPATH, """//div[contains(@class, 'toast')][span[contains(., "Removed the coding 'naïvi'")]]/button""")),
                                   message="the Undo of the removal's message")
        check(undo_button.text == 'Undo', 'the message offers Undo')
        undo_button.click()
        browser.toast('Cannot undo step')
        message = next(t for t in browser.toasts('#toasts .toast.error'))
        check("retired 'naïvi', by colleague) came after it" in message, f'the refusal names the later step: {message}')
        check(cli.code('naïvi')['status'] == 'retired' and not cli.fragments('naïvi'), "the colleague's step stands; nothing was undone")
        expected = [entry for entry in browser.errors() if '/api/undo' not in entry['message'] and 'Cannot undo step' not in entry['message']]
        check(not expected, f'the only console errors are the refused undo (409) {expected}')
        cli.run('undo')
        check(cli.code('naïvi')['status'] == 'active', "the CLI undid the colleague's retire")

        print('Codes screen: merge two codes with a preview, then undo')
        driver.get(f'{server.base}/#/codes?code=na%C3%AFviteit')
        browser.css('tr.code-row.selected')
        browser.css('#merge-code').click()
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('naïe')
        check(browser.css('.picker-list li.active').text == 'naïef', "in the merge picker the typed part 'naïe' chooses 'naïef'")
        picker.send_keys(Keys.ENTER)
        preview = browser.css('#preview-fragments')
        check("1 fragment(s) move to 'naïef'" in preview.text and 'from 1 to 2' in preview.text, f'the preview says what moves: {preview.text}')
        browser.css('#merge-reason').send_keys('zelfde idee')
        browser.shot('06-codes-merge-preview')
        driver.find_element(By.CSS_SELECTOR, 'dialog footer button.primary').click()
        browser.toast("Merged 'naïviteit' into 'naïef'")
        merged = cli.code('naïviteit')
        check(merged['status'] == 'merged' and merged['mergedInto'] == 'naïef', 'the CLI sees the merge')
        check(len(cli.fragments('naïef')) == 2, "'naïef' now has both fragments")
        browser.css('tr.code-row.selected')
        browser.shot('07-codes')
        browser.clickable('.subtabs button[data-tab=history]').click()
        undo = browser.clickable('#undo-last')
        check('merged' in undo.text, f'the history offers to undo the merge: {undo.text}')
        browser.shot('08-codes-history')
        undo.click()
        browser.toast('Undone: merged')
        check(cli.code('naïviteit')['status'] == 'active', "after undo 'naïviteit' is active again (CLI)")
        check(len(cli.fragments('naïef')) == 1, "after undo 'naïef' has one fragment again (CLI)")
        check(len(cli.fragments('naïviteit')) == 1, "after undo 'naïviteit' has its fragment back (CLI)")
        print('Codes screen: split a code and reassign its coding')
        driver.get(f'{server.base}/#/codes?code=' + urllib.parse.quote('patiënten lopen vast'))
        browser.css('tr.code-row.selected')
        browser.click_xpath("//button[normalize-space()='Split…']")
        names = browser.css('dialog input')
        names.send_keys('vastlopen op apps, vastlopen elders')
        names.send_keys(Keys.ENTER)
        Select(browser.css('ul.reassign select')).select_by_value('vastlopen op apps')
        browser.shot('09-codes-split')
        driver.find_element(By.CSS_SELECTOR, 'dialog footer button.primary').click()
        browser.toast('Moved 1 coding(s)')
        check(len(cli.fragments('vastlopen op apps')) == 1 and not cli.fragments('patiënten lopen vast'),
              'the coding moved to the new code (CLI)')
        browser.clickable('.subtabs button[data-tab=suggestions]').click()
        browser.css('ul.suggestions li', timeout=60)
        browser.shot('10-codes-suggestions')

        print('Themes & report')
        driver.get(f'{server.base}/#/themes')
        browser.css('.theme-card')
        summary = browser.css('.theme-card textarea')
        summary.send_keys(' (Aangevuld in de browser.)')
        summary.find_element(By.XPATH, "following-sibling::span/button").click()
        browser.wait(lambda d: 'saved' in d.find_element(By.CSS_SELECTOR, '.theme-card .summary .muted').text, message='the summary saved')
        browser.shot('11-themes')
        browser.clickable('.subtabs button[data-tab=report]').click()
        frame = browser.css('#report-frame')
        driver.switch_to.frame(frame)
        browser.css('h1')
        check('Theme report' in driver.find_element(By.TAG_NAME, 'h1').text, 'the HTML report renders in place')
        check('(Aangevuld in de browser.)' in driver.page_source, 'the report shows the edited summary')
        driver.switch_to.default_content()
        browser.shot('12-report')

        print(f'Large document ({args.utterances} utterances) in chunks')
        started = time.time()
        driver.get(f'{server.base}/#/transcript/large-test')
        browser.css('#u1 .utt-text')
        first_render = time.time() - started
        rows = len(driver.find_elements(By.CSS_SELECTOR, '.utt'))
        check(rows <= 200, f'the first chunk holds {rows} utterances, not all {args.utterances}')
        scroller = driver.find_element(By.ID, 'utterances')
        for _ in range(4):
            before = len(driver.find_elements(By.CSS_SELECTOR, '.utt'))
            driver.execute_script('arguments[0].scrollTop = arguments[0].scrollHeight', scroller)
            browser.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '.utt')) > before, message='the next chunk')
        loaded = len(driver.find_elements(By.CSS_SELECTOR, '.utt'))
        check(loaded >= 600, f'scrolling loaded more chunks ({loaded} utterances)')
        started = time.time()
        browser.keys('g')
        jump = browser.css('dialog input')
        jump.send_keys(str(args.utterances - 100))
        jump.send_keys(Keys.ENTER)
        browser.css(f'#u{args.utterances - 100}')
        jump_time = time.time() - started
        # Scrolling up from there loads the page above, and the reader stays where they were.
        first = min(int(e.get_attribute('id')[1:]) for e in driver.find_elements(By.CSS_SELECTOR, '.utt[id^=u]'))
        check(first > 1, f'the jump shows a window that starts after utterance 1 (at {first})')
        driver.execute_script('arguments[0].scrollTop = 0', scroller)
        browser.wait(lambda d: d.find_elements(By.ID, f'u{first - 1}'), message='the page above')
        check(driver.execute_script('return arguments[0].scrollTop', scroller) > 0,
              'the view kept its place: the rows added above pushed it down instead of jumping')
        browser.shot('13-large-document')
        metrics = driver.execute_script('return window.cdaTranscriptMetrics')
        large = [m for m in metrics if m['document'] == 'large-test']
        slowest = max(m['fetchMs'] + m['renderMs'] for m in large)
        with open(os.path.join(args.out, 'large-document-timings.json'), 'w') as file:
            json.dump({'utterances': args.utterances, 'firstRenderSeconds': first_render, 'jumpSeconds': jump_time, 'pages': large}, file, indent=2)
        print(f'  first chunk on screen after {first_render:.2f} s; jump to {args.utterances - 100} in {jump_time:.2f} s; '
              f'slowest chunk {slowest:.0f} ms (fetch + render) over {len(large)} chunks')
        check(slowest < 5000, 'every chunk loads and renders within 5 s')

        print('Find in the transcript: the server finds, with or without accents; the page marks')
        def find(text):
            box = browser.css('#find-input')
            box.clear()
            box.send_keys(text)
            box.send_keys(Keys.ENTER)
        def count(expected):
            browser.wait(lambda d: d.find_element(By.ID, 'find-count').text.startswith(expected), message=f"the count '{expected}'")
        def marked():
            return driver.execute_script("const h = CSS.highlights.get('find-current'); return h ? [...h].map((r) => r.toString()) : null")
        find('Beurt 5150:')
        count('1 of 1')
        browser.css('#u5150')
        check(marked() == ['Beurt 5150:'], f'a match outside the loaded chunks is loaded and marked: {marked()}')
        find('COORDINATIE')
        count('1 of 5,200 (first 2,000 listed)')
        check(marked() == ['coördinatie'], f"ignoring accents, 'COORDINATIE' marks 'coördinatie': {marked()}")
        browser.css('#find-next').click()
        count('2 of 5,200')
        driver.get(f'{server.base}/#/transcript/emoji-test')
        browser.css('#u2 .utt-text')
        find('NAIEF')
        count('1 of 1')
        check(marked() == ['naïef'], f"'NAIEF' marks 'naïef' after the emoji, inside its coding highlight: {marked()}")
        browser.shot('14-transcript-find')
        browser.css('#find-fold').click()
        count('no match')
        check(marked() is None, 'with accents, NAIEF is not naïef')

        print('Recording: the server streams ranges; the page plays, seeks, follows and keeps its place')
        status, body = server.request('GET', '/api/media/citizens-1-afternoon', {**bearer, 'Range': 'bytes=0-3'})
        headers = dict(server.last_headers)
        check(status == 206 and body == 'OggS', f'the first four bytes of the Ogg recording: {status} {body!r}')
        check(headers.get('Content-Range', '').startswith('bytes 0-3/') and headers.get('Content-Type') == 'audio/ogg',
              f'Content-Range and Content-Type of a part: {headers}')
        status, _ = server.request('GET', '/api/media/citizens-1-afternoon', {**bearer, 'Range': 'bytes=99999999-'})
        check(status == 416, f'a range past the end is refused with 416, not {status}')
        driver.get(f'{server.base}/#/transcript/citizens-1-afternoon?at=1')
        browser.css('#player-media')
        media_state = "const m = document.getElementById('player-media'); return m ? [m.readyState, m.currentTime, m.paused, m.duration] : null"
        browser.wait(lambda d: (d.execute_script(media_state) or [0])[0] >= 1, message='the recording to load its header')
        check(abs(driver.execute_script(media_state)[3] - 181) < 1, f'the player reads the 181 s recording: {driver.execute_script(media_state)}')
        third = cli.json('show', 'citizens-1-afternoon')[2]
        browser.clickable('#u3 button.seek').click()
        browser.wait(lambda d: not d.execute_script(media_state)[2], message='playback to start')
        check(abs(driver.execute_script(media_state)[1] - third['start']) < 1.0,
              f"clicking the time of utterance 3 seeks to {third['start']} s: {driver.execute_script(media_state)}")
        browser.wait(lambda d: d.execute_script(media_state)[1] >= third['start'] + 1, message='a second of playback')
        browser.css('#u3.speaking')
        check(len(driver.find_elements(By.CSS_SELECTOR, '.utt.speaking')) == 1, 'exactly one utterance is marked as spoken')
        browser.shot('16-transcript-recording')
        browser.keys('p')
        browser.wait(lambda d: d.execute_script(media_state)[2], message="'p' to pause")
        paused_at = driver.execute_script(media_state)[1]
        browser.keys(']')
        browser.wait(lambda d: abs(d.execute_script(media_state)[1] - (paused_at + 5)) < 0.5, message="']' to skip 5 s forward")
        browser.keys('+')
        check(driver.execute_script("return document.getElementById('player-media').playbackRate") == 1.25, "'+' plays faster")
        browser.keys('-', '-', '-', '-', '-')
        check(driver.execute_script("return document.getElementById('player-media').playbackRate") == 0.5, "'-' stops at 0.5×")
        resumed = driver.execute_script(media_state)[1]
        driver.get(f'{server.base}/#/corpus')
        browser.css('table.documents')
        driver.get(f'{server.base}/#/transcript/citizens-1-afternoon')
        browser.wait(lambda d: (d.execute_script(media_state) or [0])[0] >= 1, message='the recording after a reload')
        browser.wait(lambda d: abs(d.execute_script(media_state)[1] - resumed) < 1, message=f'the place ({resumed:.1f} s) to survive a reload')
        browser.css('#u3')
        # A moment without words: mark a span at the playing time (i, o), code it with the picker,
        # find it in the list under the player and through the CLI, and play it from the list.
        browser.css('#time-span-list li')
        def seek(seconds):
            driver.execute_script(f"const m = document.getElementById('player-media'); m.pause(); m.currentTime = {seconds}")
            browser.wait(lambda d: abs(d.execute_script(media_state)[1] - seconds) < 0.01, message=f'the seek to {seconds} s')
        seek(30)
        browser.keys('i')
        seek(31.25)
        browser.keys('o')
        check(browser.css('#time-span-marks').text == '00:30.000 – 00:31.250', f"i and o mark the span: {browser.css('#time-span-marks').text!r}")
        browser.clickable('#time-span-code').click()
        picker = browser.css('.picker input[type=text]')
        picker.send_keys('gelach')
        picker.send_keys(Keys.ENTER)
        browser.toast("Coded 00:30.000–00:31.250 with 'gelach'")
        item = browser.css('#time-span-list li button.time-span-seek')
        listed = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '#time-span-list li')]
        check(any(text.startswith('00:30.000–00:31.250 gelach') for text in listed), f'the list under the player shows the new span: {listed}')
        spans = cli.json('fragments', 'times', '--doc', 'citizens-1-afternoon')
        check(any(s['span']['startMilliseconds'] == 30000 and s['span']['endMilliseconds'] == 31250 and s['code'] == 'gelach' for s in spans),
              f'the CLI lists the span coded in the browser: {spans}')
        check(item.text == '00:30.000–00:31.250', f'the first span in time order is the new one: {item.text!r}')
        item.click()
        browser.wait(lambda d: abs(d.execute_script(media_state)[1] - 30) < 1, message='a click on the span to play from 30 s')
        driver.execute_script("document.getElementById('player-media').pause()")
        browser.shot('16b-transcript-time-span')

        print('Reading: participants\' words marked Dutch, speaker names whole, branches of the code tree')
        check(driver.find_element(By.ID, 'utterances').get_attribute('lang') == 'nl', 'the transcript is marked lang="nl"')
        cut = driver.execute_script(
            "return [...document.querySelectorAll('.utt .speaker')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent)")
        check(cut == [], f'no speaker name is cut off: {cut}')
        parent = next(c for c in cli.json('codes', '--all') if c['name'] == 'winnaars en verliezers')
        driver.get(f'{server.base}/#/codes')
        row = browser.css('tr.code-row[data-code="winnaars en verliezers"]')
        check(f"Σ {parent['branchFragments']}" in row.text,
              f"the parent shows its branch's {parent['branchFragments']} fragments: {row.text!r}")
        child = next(c for c in cli.json('codes', '--all') if c.get('parent') == 'winnaars en verliezers' and c['status'] == 'active')
        child_row = f'tr.code-row[data-code="{child["name"]}"]'
        browser.css(child_row)
        row.find_element(By.CSS_SELECTOR, 'button.twisty').click()
        browser.gone(child_row)
        check(driver.find_element(By.CSS_SELECTOR, 'tr.code-row[data-code="winnaars en verliezers"] button.twisty')
              .get_attribute('aria-expanded') == 'false', 'the collapsed branch says so to screen readers')
        driver.refresh()
        browser.css('tr.code-row[data-code="winnaars en verliezers"]')
        check(not driver.find_elements(By.CSS_SELECTOR, child_row), 'the branch stays collapsed after a reload')
        browser.shot('17-codes-branches')
        browser.css('tr.code-row[data-code="winnaars en verliezers"] button.twisty').click()
        browser.css(child_row)
        driver.find_element(By.CSS_SELECTOR, child_row).click()
        picker = browser.css('#code-color')
        driver.execute_script("arguments[0].value = '#123abc'; arguments[0].dispatchEvent(new Event('change'))", picker)
        browser.toast(f"coloured '{child['name']}' #123abc")
        recoloured = next(c for c in cli.json('codes', '--all') if c['name'] == child['name'])
        check(recoloured['color'] == '#123abc', f"the colour chosen in the browser is the code's colour: {recoloured['color']}")

        print('Memos: the project memo, a document memo and every memo in one list')
        driver.get(f'{server.base}/#/memos')
        box = browser.css('#project-memo')
        box.clear()
        box.send_keys('Twee workshops; let op de rol van de gespreksleider.')
        browser.css('#save-project-memo').click()
        browser.toast('Memo saved.')
        check(cli.run('memo', 'show', '--project-memo').strip() == 'Twee workshops; let op de rol van de gespreksleider.',
              'the project memo written in the browser is the project\'s memo')
        Select(browser.css('#memo-document')).select_by_value('experts-2-morning')
        browser.css('#document-memo').send_keys('Veel zijpaden over China.')
        browser.css('#save-document-memo').click()
        browser.toast('Memo saved.')
        listed = [memo['label'] for memo in cli.json('memo', 'list')]
        shown = driver.execute_script("return [...document.querySelectorAll('#memo-list .memo-label')].map((e) => e.textContent)")
        check(shown == listed and "Document 'experts-2-morning'" in shown, f'the list shows every memo as the CLI lists them ({len(listed)})')
        browser.shot('18-memos')

        check_coder_identity(browser, server, cli)
        check_filters(browser, server, cli)
        check_downloads(browser, server)
        check_search_layout(browser, server)
        check_keyboard_coding(browser, server, cli)
        check_accessibility(browser, server)

        print('Editing an utterance: a revision in the history, undone from its message')
        driver.get(f'{server.base}/#/transcript/emoji-test')
        browser.click('#u4 .edit-utt')
        box = browser.css('#edit-text')
        driver.execute_script("arguments[0].value = 'Dat geloof ik best 🙂, eerlijk gezegd.'", box)
        browser.click_xpath("//dialog//button[normalize-space()='Save text']")
        browser.toast("Edited: fixed the text of utterance 4 in 'emoji-test'")
        texts = [u['text'] for u in cli.json('show', 'emoji-test')]
        check(texts[3] == 'Dat geloof ik best 🙂, eerlijk gezegd.', f'the text fixed in the browser is the stored text: {texts[3]}')
        browser.wait(lambda d: 'eerlijk gezegd' in d.find_element(By.ID, 'u4').text, message='the page shows the new text')
        browser.click_xpath("//div[contains(@class,'toast')][contains(., 'Edited:')]//button[normalize-space()='Undo']")
        browser.toast('Undone: fixed the text of utterance 4')
        check(cli.json('show', 'emoji-test')[3]['text'] == 'Dat geloof ik best.', 'Undo in the message restores the text')
        browser.click('#u4 .edit-utt')
        box = browser.css('#edit-text')
        driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(14, 14)", box)
        browser.click_xpath("//dialog//button[normalize-space()='Split at cursor']")
        browser.toast('Edited: split utterance 4 at 14')
        texts = [u['text'] for u in cli.json('show', 'emoji-test')]
        check(texts[3:] == ['Dat geloof ik', 'best.'], f'split at the cursor: {texts[3:]}')
        browser.css('#u5')
        browser.shot('19-edit-split')
        browser.css('#undo-button').click()
        browser.click_xpath("//dialog//button[normalize-space()='Undo']")
        browser.toast('Undone: split utterance 4')
        browser.gone('#u5')
        check(browser.css('#u4').text.endswith('Dat geloof ik best.'), 'the top bar\'s Undo of an edit shows the text as it was')

        errors = browser.errors()
        check(not errors, f'no errors in the browser console {errors}')

        print('A session that ends while the page is open')
        driver.get(f'{server.base}/#/corpus')
        browser.css('table.documents')
        driver.delete_all_cookies()
        driver.find_element(By.CSS_SELECTOR, '.tabs a[data-screen=codes]').click()
        notice = browser.css('#session-expired')
        check('Session expired — reload with the link cda serve printed' in notice.text, f'the page says what to do: {notice.text[:80]}')
        time.sleep(1)
        check(not browser.toasts('#toasts .toast.error'), 'no error message besides the notice')
        browser.shot('15-session-expired')
        print('PASS')
        return 0
    except Failure as failure:
        print(f'FAIL: {failure}', file=sys.stderr)
        if browser:
            try:
                browser.shot('failure')
                for entry in browser.driver.get_log('browser'):
                    print(f'  console: {entry}', file=sys.stderr)
            except Exception:  # noqa: BLE001 — the failure is what matters
                pass
        return 1
    finally:
        if browser:
            browser.quit()
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
