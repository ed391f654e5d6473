import { useState } from 'react';
import { Button, Dialog, Heading, Menu, MenuItem, MenuTrigger, Modal, ModalOverlay, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { templatesFor, type Template, type TemplateKind } from './templates';
import { createTemplate, deleteTemplate, useTemplates } from './use-templates';
import { Icon, icons } from '../../ui/icons';

/** "Templates" button: insert a canned text, or save the current text as one (this domain or all). */
export function TemplatesMenu({
  kind,
  domain,
  currentText,
  onInsert,
  accentColor,
}: {
  kind: TemplateKind;
  domain: string;
  currentText: string;
  onInsert: (template: Template) => void;
  accentColor?: string;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const templates = templatesFor(useTemplates(), domain, kind);
  const [managing, setManaging] = useState(false);
  return (
    <>
      <MenuTrigger>
        <Button className="button" data-testid={`templates-${kind}`}>
          {t('templates.menu')} <Icon icon={icons.dropdown} />
        </Button>
        <Popover className="popover" placement="top start">
          <Menu
            className="menu"
            onAction={(key) => {
              if (key === '__manage') setManaging(true);
              else {
                const template = templates.find((x) => x.id === key);
                if (template) onInsert(template);
              }
            }}
          >
            {templates.length === 0 && (
              <MenuItem className="menu-item static" id="__none" isDisabled>
                {t('templates.none')}
              </MenuItem>
            )}
            {templates.map((template) => (
              <MenuItem key={template.id} id={template.id} className="menu-item" textValue={template.name}>
                {template.name} <span className="muted">· {template.domain ? template.domain : t('templates.scopeShared')}</span>
              </MenuItem>
            ))}
            <Separator className="menu-separator" />
            <MenuItem className="menu-item" id="__manage">
              {t('templates.manage')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <ManageTemplates
        open={managing}
        onClose={() => setManaging(false)}
        kind={kind}
        domain={domain}
        currentText={currentText}
        templates={templates}
        accentColor={accentColor}
      />
    </>
  );
}

function ManageTemplates({
  open,
  onClose,
  kind,
  domain,
  currentText,
  templates,
  accentColor,
}: {
  open: boolean;
  onClose: () => void;
  kind: TemplateKind;
  domain: string;
  currentText: string;
  templates: readonly Template[];
  accentColor?: string | undefined;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [name, setName] = useState('');
  const [body, setBody] = useState(currentText);
  const [scope, setScope] = useState<'domain' | 'shared'>('domain');
  const [error, setError] = useState<string>();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={open}
      isDismissable
      onOpenChange={(next) => {
        if (!next) onClose();
        else setBody(currentText);
      }}
    >
      <Modal className="modal wide" style={accentColor ? { borderTopColor: accentColor } : undefined}>
        <Dialog className="dialog" aria-label={t('templates.title')}>
          <Heading slot="title">{t('templates.title')}</Heading>
          <form
            className="template-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim() || !body.trim()) {
                setError(t('templates.emptyName'));
                return;
              }
              createTemplate({ name, body, kind, ...(scope === 'domain' ? { domain } : {}) });
              setName('');
              setError(undefined);
            }}
          >
            <label className="field">
              <span>{t('templates.name')}</span>
              <input
                className="input"
                value={name}
                onChange={(event) => setName(event.target.value)}
                aria-invalid={error ? true : undefined}
              />
            </label>
            <label className="field wide">
              <span>{t('templates.body')}</span>
              <textarea className="input" rows={5} value={body} onChange={(event) => setBody(event.target.value)} />
              <span className="muted">{t('templates.variables', { a: '{{caseNumber}}', b: '{{customer}}', c: '{{agent}}' })}</span>
            </label>
            <fieldset className="inline-radios">
              <legend>{t('templates.scope')}</legend>
              <label>
                <input type="radio" name="scope" checked={scope === 'domain'} onChange={() => setScope('domain')} />{' '}
                {t('templates.scopeDomain', { domain })}
              </label>
              <label>
                <input type="radio" name="scope" checked={scope === 'shared'} onChange={() => setScope('shared')} />{' '}
                {t('templates.scopeShared')}
              </label>
            </fieldset>
            {error && <p className="error-text">{error}</p>}
            <button type="submit" className="button primary">
              {t('templates.save')}
            </button>
          </form>
          {templates.length > 0 && (
            <ul className="template-list">
              {templates.map((template) => (
                <li key={template.id}>
                  <span>
                    {template.name} <span className="muted">· {template.domain ?? t('templates.scopeShared')}</span>
                  </span>
                  <button type="button" className="button danger" onClick={() => deleteTemplate(template.id)}>
                    {t('templates.delete')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <Button className="button" slot="close">
              {t('templates.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
