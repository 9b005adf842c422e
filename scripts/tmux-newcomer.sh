#!/usr/bin/env bash
# The newcomer's path through `npm start`, in a real terminal (tmux) at 80×24, checked on the
# screen at every step with `tmux capture-pane`:
#
#   Home says Enter license → Settings > License, browsing → Enter types into the form (a wrong
#   email first, then fixed) → paste a demo key (Ctrl+K) → Save → Activate → the table shows the
#   licenses active → Ctrl+T 20: ten days before expiry, the banner counting down → cut the
#   network: the unreachable banner → swap the hardware: the reactivation countdown → network
#   back, Activate: cleared → network cut again, the next demo key pasted (Ctrl+K), saved, and
#   Activate refused offline with the manual-activation hint whole → Manual activation over SSH:
#   the request shown as text, the demo portal's answer copied from the screen and pasted back
#   as it was copied (the paste goes into the response field), the new license active → ? help
#   → q, and the terminal is given back clean.
#
# Issue 12 changed the keys: fields are typed into after Enter (Esc stops, Tab goes on), the
# time prompt is Ctrl+T (it was j), a scenario step is c (it was n).
#
# The language follows the environment, as the product does (SPEC §6):
#   scripts/tmux-newcomer.sh                      # English
#   LANG=fr_FR.UTF-8 scripts/tmux-newcomer.sh     # French
# Needs tmux and a build (npm run build). Exits 0 when every check held, 1 at the first that
# did not (printing the screen it saw), 2 when it cannot run.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOCKET="myq-newcomer-$$"
SESSION="newcomer"
STEP_TIMEOUT="${STEP_TIMEOUT:-15}"
VERBOSE="${VERBOSE:-0}"

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux-newcomer: tmux is not installed: install it (apt-get install tmux, brew install tmux) and run again." >&2
	exit 2
fi
if [[ ! -f "$ROOT/dist/bundle/myq-license.js" ]]; then
	echo "tmux-newcomer: $ROOT/dist/bundle/myq-license.js is missing: run npm run build first." >&2
	exit 2
fi

# SPEC §6: LC_ALL, then LC_MESSAGES, then LANG; French when the first one set starts with fr.
locale="${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}"
if [[ "$locale" == fr* ]]; then LANGUAGE_CHOSEN=fr; else LANGUAGE_CHOSEN=en; fi

if [[ $LANGUAGE_CHOSEN == fr ]]; then
	T_ENTER_LICENSE="Saisir la licence"
	T_COMPANY="› Entreprise"
	T_BROWSE="Navigation"
	T_TYPING_COMPANY="Saisie : Entreprise"
	T_TYPING_RESPONSE="Saisie : Réponse"
	T_MANUAL_SHOW="Afficher la demande en texte"
	T_PASTED_ACTIVATED="Activé : 1 nouvelle(s) licence(s), 2 au total."
	T_LICENSE_KEY_OK="Clé de licence"
	T_ACTIVATE_OFFLINE="Échec de l'activation : le serveur de licences est injoignable"
	T_USE_MANUAL="utilisez l'activation manuelle"
	T_OFFLINE_END="portez-le au portail de l'éditeur, puis importez la réponse."
	T_TEXT_FOOTER="puis une touche ferme"
	T_FRANCE="France (FR)"
	T_KEY_OK="Clé d'installation"
	T_PICK_KEY="Coller quelle clé de démo"
	T_EMAIL_ERROR="Courriel : « it@acme » n'est pas une adresse valide"
	T_EMAIL_ERROR_SHORT="n'est pas une adresse valide"
	T_SAVED="1 clé(s) ajoutée(s), en attente d'activation"
	T_ACTIVATED="Activé : 1 nouvelle(s) licence(s), 1 au total."
	T_TABLE_ACTIVE="Abonnement +10 Active"
	T_DAY20="DÉMO · jour 20"
	T_EXPIRING_10="tous les services seront interrompus dans 10 jour(s). Veuillez prolonger votre abonnement"
	T_EXPIRING_9="tous les services seront interrompus dans 9 jour(s)."
	T_OFFLINE="réseau : HORS LIGNE"
	T_UNREACHABLE="Le serveur MyQ ne peut pas se connecter au serveur de licences, l'abonnement ne peut pas être prolongé et tous les services s'arrêteront dans 18 jours."
	T_UNREACHABLE_SHORT="ne peut pas se connecter au serveur de licences"
	T_HARDWARE="La configuration matérielle du serveur a changé. Réactivez vos licences, sinon tous les services s'arrêteront dans 7 jour(s)."
	T_HARDWARE_SHORT="La configuration matérielle du serveur a changé"
	T_HARDWARE_ROW="Changé : réactivez avant le"
	T_ONLINE="réseau : en ligne"
	T_REACTIVATED="Licences réactivées sur le matériel de ce serveur."
	T_HELP="Simulation (démo)"
	T_PRODUCT="Licence MyQ"
else
	T_ENTER_LICENSE="Enter license"
	T_COMPANY="› Company"
	T_BROWSE="Browse"
	T_TYPING_COMPANY="Typing: Company"
	T_TYPING_RESPONSE="Typing: Response"
	T_MANUAL_SHOW="Show the request as text"
	T_PASTED_ACTIVATED="Activated: 1 new license(s), 2 in all."
	T_LICENSE_KEY_OK="License key"
	T_ACTIVATE_OFFLINE="Activation failed: the license server could not be reached"
	T_USE_MANUAL="use manual activation"
	T_OFFLINE_END="take it to the vendor portal, and import the response."
	T_TEXT_FOOTER="then any key closes"
	T_FRANCE="France (FR)"
	T_KEY_OK="Installation key"
	T_PICK_KEY="Paste which demo key"
	T_EMAIL_ERROR='Email "it@acme" is not a valid address'
	T_EMAIL_ERROR_SHORT="is not a valid address"
	T_SAVED="1 key(s) added, pending activation"
	T_ACTIVATED="Activated: 1 new license(s), 1 in all."
	T_TABLE_ACTIVE="Subscription +10 Active"
	T_DAY20="DEMO · day 20"
	T_EXPIRING_10="all services will be interrupted in 10 day(s). Please extend your subscription"
	T_EXPIRING_9="all services will be interrupted in 9 day(s)."
	T_OFFLINE="network: OFFLINE"
	T_UNREACHABLE="The MyQ server cannot connect to the license server, the subscription cannot be extended and all services will stop in 18 days."
	T_UNREACHABLE_SHORT="cannot connect to the license server"
	T_HARDWARE="The server's hardware configuration has changed. Reactivate your licenses, or all services will stop in 7 day(s)."
	T_HARDWARE_SHORT="hardware configuration has changed"
	T_HARDWARE_ROW="Changed: reactivate by"
	T_ONLINE="network: online"
	T_REACTIVATED="Licenses reactivated on this server's hardware."
	T_HELP="Demo simulation"
	T_PRODUCT="MyQ License"
fi

tmux_() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() {
	tmux_ kill-server >/dev/null 2>&1 || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
}
trap cleanup EXIT

# The screen as shown (rows), and as one line (the dashboard wraps long texts over rows).
screen() { tmux_ capture-pane -t "$SESSION" -p; }
screen_line() { screen | sed -e 's/^[[:space:]]*//' | tr '\n' ' ' | tr -s ' '; }

STEP=0
fail() {
	echo "✗ step $STEP: $1" >&2
	echo "--- the screen (80×24) ---" >&2
	screen >&2
	echo "--------------------------" >&2
	exit 1
}

# wait_for TEXT [regex]: until the screen (or its rows joined) shows TEXT.
wait_for() {
	local text="$1" mode="${2:-fixed}" deadline=$((SECONDS + STEP_TIMEOUT))
	while ((SECONDS < deadline)); do
		if [[ $mode == regex ]]; then
			screen | grep -Eq -- "$text" && return 0
		else
			screen | grep -Fq -- "$text" && return 0
			screen_line | grep -Fq -- "$text" && return 0
		fi
		sleep 0.1
	done
	fail "the screen does not show: $text"
}

wait_gone() {
	local text="$1" deadline=$((SECONDS + STEP_TIMEOUT))
	while ((SECONDS < deadline)); do
		screen_line | grep -Fq -- "$text" || return 0
		sleep 0.1
	done
	fail "the screen still shows: $text"
}

# wait_prompt: until the shell's prompt is the last line shown (the dashboard has exited: keys
# typed before that would go to it, or be dropped as it gives the terminal back).
wait_prompt() {
	local deadline=$((SECONDS + STEP_TIMEOUT))
	while ((SECONDS < deadline)); do
		[[ "$(screen | sed -e '/^[[:space:]]*$/d' | tail -n 1)" == 'newcomer$'* ]] && return 0
		sleep 0.1
	done
	fail "the shell prompt did not come back"
}

step() {
	STEP=$((STEP + 1))
	echo "→ $STEP. $1"
}

show() { if [[ $VERBOSE == 1 ]]; then screen; fi; }

keys() { tmux_ send-keys -t "$SESSION" "$@"; }
text() { tmux_ send-keys -t "$SESSION" -l -- "$1"; }

echo "tmux-newcomer: npm start at 80×24, in $LANGUAGE_CHOSEN"
# A terminal of our own (its own tmux server), with the caller's locale and without CI, as a
# person's terminal would be.
tmux_ new-session -d -s "$SESSION" -x 80 -y 24 -c "$ROOT" \
	env -u CI -u CONTINUOUS_INTEGRATION -u FORCE_COLOR -u NO_COLOR "LANG=${LANG:-C.UTF-8}" "LC_ALL=${LC_ALL:-}" "LC_MESSAGES=${LC_MESSAGES:-}" \
	PS1='newcomer$ ' bash --norc --noprofile || {
	echo "tmux-newcomer: tmux could not start a session." >&2
	exit 2
}
tmux_ set-option -t "$SESSION" status off >/dev/null
# tmux may open at its default size when no client is attached: resize to the size we test.
tmux_ resize-window -t "$SESSION" -x 80 -y 24 >/dev/null 2>&1 || true
keys "clear; echo terminal-before-the-dashboard" Enter
wait_for "terminal-before-the-dashboard"

step "npm start opens Home: the License widget says $T_ENTER_LICENSE"
keys "npm start" Enter
wait_for "$T_ENTER_LICENSE"
wait_for "$T_PRODUCT"
show

step "Enter opens Settings > License on the customer form (R1), browsing"
keys Enter
wait_for "$T_COMPANY"
wait_for "$T_BROWSE"

step "Enter types into Company; Tab goes on, field by field; the country is picked from the list"
keys Enter
wait_for "$T_TYPING_COMPANY"
text "Acme Print"; keys Tab
text "Jane Roe"; keys Tab
text "1 Rue de la Paix, Paris"; keys Tab
text "fra"
wait_for "$T_FRANCE"
keys Tab
text "it@acme"; keys Tab
keys Tab

step "paste a demo installation key (Ctrl+K, even while typing: pick it, Enter) and see it accepted"
keys C-k
wait_for "$T_PICK_KEY"
keys Enter
wait_for "✓ "
wait_for "$T_KEY_OK"

step "Enter goes on to Save, Enter saves: the wrong email gets its error (R2), nothing is added"
keys Enter Enter
wait_for "$T_EMAIL_ERROR"
show

step "Enter types into the email: fixed, the error goes"
keys Enter
text ".test"
wait_gone "$T_EMAIL_ERROR_SHORT"
keys Escape

step "Save again (down to Save: j j j, Enter): the key is added, pending (R3)"
keys j j j Enter
wait_for "$T_SAVED"

step "Activate (focused after Save): the table shows the licenses active (R4)"
keys Enter
wait_for "$T_ACTIVATED"
wait_for "$T_TABLE_ACTIVE" regex
show

step "Ctrl+T, day 20, Enter: ten days before the subscription expires, the banner (R10)"
keys C-t; text "20"; keys Enter
wait_for "$T_DAY20"
wait_for "$T_EXPIRING_10"

step "one day later (d) the banner counts down"
keys d
wait_for "$T_EXPIRING_9"
show

step "cut the network; at the next contact the unreachable banner shows its days (R12)"
keys t
wait_for "$T_OFFLINE"
keys d
wait_for "$T_UNREACHABLE"
show

step "swap the hardware: the reactivation countdown starts (R8)"
keys s
wait_for "$T_HARDWARE"
keys 1
wait_for "$T_HARDWARE_ROW"
show

step "network back, Activate on the new hardware: the countdown and the unreachable banner clear"
keys t
wait_for "$T_ONLINE"
keys 2
keys Tab Tab Enter
wait_for "$T_REACTIVATED"
wait_gone "$T_HARDWARE_SHORT"
wait_gone "$T_UNREACHABLE_SHORT"
show

step "cut the network, paste a demo license key (Ctrl+K, 4: L5), Save, Activate: refused offline, the message whole, manual activation its hint"
# The focus is on the table after an activation; Ctrl+K goes to the key field from there.
keys t
wait_for "$T_OFFLINE"
keys C-k
wait_for "$T_PICK_KEY"
# The picker lists SUB, MIX, MULTI, L5, L10: 4 picks L5, a license key.
keys 4
wait_for "$T_LICENSE_KEY_OK"
# Ctrl+K keeps the mode (browsing here): j goes down to Save, Enter saves.
keys j Enter
wait_for "$T_SAVED"
keys Enter
wait_for "$T_ACTIVATE_OFFLINE"
wait_for "$T_USE_MANUAL"
wait_for "$T_OFFLINE_END"
show

step "Manual activation (R5) over SSH: the request as text; the demo's portal answers as text"
# From Activate: Connect now, then Manual activation.
keys j j Enter
wait_for "$T_MANUAL_SHOW"
keys 2
wait_for "-----BEGIN MYQ ACTIVATION RESPONSE-----"
show
# What a person copies from the screen: the lines from BEGIN to END of the portal's answer.
# At 80x24 the answer may take more rows than the screen has (the French simulation bar takes
# a row more): copy what shows, PgDn, and copy on from the line after the last one copied.
block_lines() { screen | sed -e 's/[[:space:]]*$//' | awk '/^(rows|lignes) [0-9]/{exit} /-----BEGIN MYQ ACTIVATION RESPONSE-----/{on=1} on{print} /-----END MYQ ACTIVATION RESPONSE-----/{exit}'; }
response="$(block_lines)"
if ! grep -q -- "-----END MYQ ACTIVATION RESPONSE-----" <<<"$response"; then
	last="$(tail -n 1 <<<"$response")"
	keys NPage
	wait_for "-----END MYQ ACTIVATION RESPONSE-----"
	rest="$(screen | sed -e 's/[[:space:]]*$//' | awk -v last="$last" 'found{print} $0==last{found=1} /-----END MYQ ACTIVATION RESPONSE-----/{exit}')"
	response="$response"$'\n'"$rest"
fi
grep -q -- "-----END MYQ ACTIVATION RESPONSE-----" <<<"$response" || fail "no whole response block to copy"

step "paste the response back as text, as it was copied: Esc closes the answer, the paste goes into the response field, the new license is active"
keys Escape
wait_gone "$T_TEXT_FOOTER"
text "$response"
keys Enter
wait_for "$T_PASTED_ACTIVATED"
show

step "? shows the help, any key closes it"
# Esc leaves the table for Home. Under load, tmux's Esc and ? reached the dashboard as one
# chunk (ESC ?, read as Alt+?): the help opened on the license table, whose longer list hid the
# demo's keys below its first page (both languages failed there in a full npm test). So the
# keys go apart, and 1 makes sure of Home.
keys Escape
sleep 0.3
keys 1
sleep 0.3
keys '?'
wait_for "$T_HELP"
show
keys Escape
wait_gone "$T_HELP"

step "q quits: the terminal is back as it was, the shell prompt answers"
keys q
wait_for "terminal-before-the-dashboard"
wait_gone "$T_PRODUCT"
wait_prompt
keys 'echo "dashboard-exit=$?"' Enter
wait_for "dashboard-exit=0"
show

echo "✓ tmux-newcomer: all $STEP steps held ($LANGUAGE_CHOSEN, 80×24)"
