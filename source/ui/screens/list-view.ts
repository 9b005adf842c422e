/** A list screen's state (Devices, Events): the selection and its window, and its `/` filter. */
import {type FilterState, noFilter} from '../components/filter/index.js';
import {emptyList, type ListState} from '../components/scroll-list/index.js';

export type ListView = {list: ListState; filter: FilterState};

export const emptyListView: ListView = {list: emptyList, filter: noFilter};
